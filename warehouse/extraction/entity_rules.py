"""Our spaCy components, registered the spaCy way, that repair what the small model gets wrong
in wire text (added to the model by `pipeline.load_pipeline`):
- `news_dateline`: the `Moscú, 11 nov (EFE).-` dateline's place is LOC and its agency ORG;
- `news_entity_filter`: drops noise (`Según`, `Añadió`, lowercase words, `El presidente de ...`);
- `news_entity_typer`: types spans with knowledge (CLDR country names, seeds, cue words such as
  `consorcio Rosatom`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.es.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from warehouse.extraction.canonical import entity_key, known_entities
from warehouse.reading.dateline import parse_dateline
from warehouse.seeds import read_seed


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
# Longer verb forms a sentence can open with (`Resistir`, `Pulverizar`, `Analizando`,
# `Argumentan`, `Imaginen`): infinitives, gerunds and third person plurals of 8+ letters, which
# names rarely are (the shorter `Omar`, `Javier`, `Morgan` stay names).
_LONG_VERB_FORM = re.compile(r"^\w{5,}(?:ar|er|ir|ando|iendo|an|en)$")
# Articles belong to names (`La Haya`, `El Salvador`, `Los Ángeles`); other function words do not.
_ARTICLES = {"el", "la", "los", "las"}
# Lowercase words that join the parts of a name (`Banco de España`, `Trinidad y Tobago`).
_NAME_CONNECTORS = {"de", "del", "la", "las", "los", "el", "y", "e", "i", "da", "do", "dos", "von", "van"}


@lru_cache(maxsize=1)
def _non_entity_words() -> frozenset[str]:
    """Connectors, titles and time words that are never a name on their own (seeds)."""
    return frozenset(row["word"] for row in read_seed("non_entity_words"))


def _lowercase_words(doc: Doc) -> frozenset[str]:
    """Words the doc writes in lowercase: one written so elsewhere is a common word, not a name."""
    cached = doc.user_data.get("news_lowercase_words")
    if cached is None:
        cached = frozenset(t.text for t in doc if t.is_lower and t.is_alpha)
        doc.user_data["news_lowercase_words"] = cached
    return cached


def _named_mid_sentence(span: Span) -> bool:
    """The span's word also stands capitalised inside a sentence of the doc: a real name
    (`Stephen` ... `dijo Stephen`), not a verb that opens a sentence."""
    doc = span.doc
    return any(t.text == span.text and not _is_sentence_initial(doc, t.i) for t in doc if t.i != span.start)


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
    """The span without what the model glued to a name: punctuation at either end, lowercase
    words at either end (`expresará Biden`, `Jana nació`, `II Concurso de`), a leading title
    (`Papa Francisco`) and a sentence-initial preposition or verb (`En Estados Unidos`, `Son
    hijos de Dios`). Repeated until nothing changes. None when nothing is left."""
    doc, start, end = span.doc, span.start, span.end
    titles = _title_words()
    while True:
        before = (start, end)
        while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].is_lower):
            start += 1
        while end > start and (doc[end - 1].is_space or doc[end - 1].is_lower
                               or doc[end - 1].is_punct and doc[end - 1].text != "."):
            end -= 1
        if end - start > 1 and doc[start].lower_ in titles:
            start += 1
        if end - start > 1 and _is_sentence_initial(doc, start) \
                and entity_key(doc[start:end].text) not in known_entities():   # `Estados Unidos`
            first = doc[start].lower_
            if (first in STOP_WORDS and first not in _ARTICLES) or _VERB_ENDING.search(first):
                start += 1
        if (start, end) == before:
            break
    if start >= end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(row["word"] for row in read_seed("non_entity_words") if row["reason"] == "title")


def _split_joined_names(span: Span) -> list[Span]:
    """`EE.UU.-Asia Central` -> `EE.UU.`, `Asia Central`; `EFE Eduard Poletáyev` -> `EFE`,
    `Eduard Poletáyev`: two names the model ran together, told apart by a hyphen token between
    capitals or by a known name (seeds, agencies, countries) followed by another capitalised
    name. The known part takes its known label; a person-shaped rest (two or three capitalised
    words) that the model called MISC is a person."""
    doc = span.doc
    for i in range(span.start + 1, span.end - 1):
        if doc[i].text in "-–" and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper():
            return [*_split_joined_names(Span(doc, span.start, i, label=span.label)),
                    *_split_joined_names(Span(doc, i + 1, span.end, label=span.label))]
    known = known_entities()
    if entity_key(span.text) in known:
        return [span]   # `Policía Nacional` is one known name
    for cut in range(span.end - 2, span.start, -1):
        head = Span(doc, span.start, cut)
        rest = Span(doc, cut, span.end)
        entity = known.get(entity_key(head.text))
        if entity is None or not all(t.is_title for t in rest):
            continue   # `Gobierno Provincial` stays whole: the rest must be a name of 2+ words
        rest_label = span.label_
        if rest_label == "MISC" and len(rest) <= 3:
            rest_label = "PER"
        return [Span(doc, head.start, head.end, label=entity.label), Span(doc, rest.start, rest.end, label=rest_label)]
    for i in range(span.start + 1, span.end - 2):
        # `Gobierno de Nicolás Maduro`: a known institution `de` a person-shaped unknown name.
        head, rest = Span(doc, span.start, i), Span(doc, i + 1, span.end)
        entity = known.get(entity_key(head.text))
        if (entity is not None and entity.label == "ORG" and doc[i].lower_ in ("de", "del")
                and 2 <= len(rest) <= 3 and all(t.is_title for t in rest) and entity_key(rest.text) not in known):
            return [Span(doc, head.start, head.end, label="ORG"), Span(doc, rest.start, rest.end, label="PER")]
    return [span]


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
        if _is_sentence_initial(span.doc, span.start) and entity_key(text) not in known_entities():
            if first in STOP_WORDS or _VERB_ENDING.search(first):
                return True                              # `Según`, `Además`, `Añadió`
            if _LONG_VERB_FORM.search(first) and not _named_mid_sentence(span):
                return True                              # `Resistir`, `Analizando`, `Argumentan`
            if first in _lowercase_words(span.doc):
                return True                              # `Multitud` here, `multitud` elsewhere
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
    parts = [part for predicted in doc.ents for part in _split_joined_names(predicted)]
    for predicted in parts:
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
def _head_words() -> dict[str, dict[str, str]]:
    """`seeds/entity_name_words.csv` by position: {"first": {word: label}, "last": {...}}."""
    words: dict[str, dict[str, str]] = {"first": {}, "last": {}}
    for row in read_seed("entity_name_words"):
        words[row["position"]][row["word"]] = row["label"]
    return words


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
    heads = _head_words()
    typed = []
    for span in doc.ents:
        knowledge = known.get(entity_key(span.text))
        if knowledge:
            label = knowledge.label
        elif len(span) > 1 and span[0].text in heads["first"]:
            label = heads["first"][span[0].text]   # `Ministerio de Salud`, `Río Bravo`, `Ley de Seguridad`
        elif len(span) > 1 and span[-1].text in heads["last"]:
            label = heads["last"][span[-1].text]   # `Cove Capital`, `Pen Test Partners`
        else:
            label = _cue_label(span)
        label = label or span.label_
        start = span.start
        if label != "LOC" and len(span) > 1 and span[0].lower_ in _ARTICLES and _is_sentence_initial(doc, start):
            start += 1   # `El Supremo`, `El Ministerio de ...`: an article only belongs to places (`La Haya`)
        typed.append(span if (label, start) == (span.label_, span.start) else Span(doc, start, span.end, label=label))
    doc.ents = typed
    return doc

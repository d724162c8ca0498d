"""Acronyms and handles of one article and the longer names they stand for (short_forms.py),
and what canonical names make of them."""

import pytest

from warehouse.extraction.canonical import Mention, canonicalise
from warehouse.extraction.short_forms import acronyms_by_initials, defined_acronyms, handles_spelled, spells


def mentions_of(text, *spans):
    """Mentions at the n-th occurrence of each (name, label[, n])."""
    found = []
    for name, label, *nth in spans:
        start = -1
        for _ in range((nth or [1])[0]):
            start = text.index(name, start + 1)
        found.append(Mention(start, start + len(name), name, label, 0))
    return sorted(found, key=lambda x: x.start)


@pytest.mark.parametrize("acronym, name, spelled", [
    ("Morena", "Movimiento de Regeneración Nacional", True),
    ("Pemex", "Petróleos Mexicanos", True),
    ("Conacyt", "Consejo Nacional de Ciencia y Tecnología", True),
    ("PRD", "Partido de la Revolución Democrática", True),
    ("AMLO", "Andrés Manuel López Obrador", True),
    ("Jalisco", "Universidad de Guadalajara", False),     # a place in parentheses
    ("Juan", "Juan Pérez", False),                       # every content word gives a letter
    ("PAN", "Felipe Calderón", False),
    ("Modelo", "Grupo Modelo", False),                   # starts with the first word
])
def test_an_acronym_spells_the_first_letters_or_syllables_of_every_word(acronym, name, spelled):
    assert spells(acronym, name) is spelled


def test_definitions_in_capitals_or_spelled_and_not_a_persons_party():
    text = ("El Movimiento de Regeneración Nacional (Morena) y la Organización Mundial de la Salud (OMS) "
            "apoyan a Felipe Calderón (PAN) y a Andrés Manuel López Obrador (AMLO).")
    found = defined_acronyms(mentions_of(text, ("Movimiento de Regeneración Nacional", "ORG"), ("Morena", "ORG"),
                                         ("Organización Mundial de la Salud", "ORG"), ("OMS", "ORG"),
                                         ("Felipe Calderón", "PER"), ("PAN", "ORG"),
                                         ("Andrés Manuel López Obrador", "PER"), ("AMLO", "PER")), text)
    assert {key: full.text for key, full in found.items()} == {
        "morena": "Movimiento de Regeneración Nacional", "oms": "Organización Mundial de la Salud",
        "amlo": "Andrés Manuel López Obrador"}


def test_an_undefined_acronym_takes_the_one_name_of_the_article_with_its_initials():
    text = "La Asociación del Fútbol Argentino sancionó al club. La AFA apelará. El PSG y la AFA."
    spans = mentions_of(text, ("Asociación del Fútbol Argentino", "ORG"), ("AFA", "ORG"), ("PSG", "ORG"),
                        ("AFA", "ORG", 2))
    assert {key: full.text for key, full in acronyms_by_initials(spans, {}).items()} == {
        "afa": "Asociación del Fútbol Argentino"}
    # Two names with those initials: which one is meant is not in the text.
    text = "La Asociación de Fútbol Aficionado y la Asociación del Fútbol Argentino. La AFA apelará."
    spans = mentions_of(text, ("Asociación de Fútbol Aficionado", "ORG"), ("Asociación del Fútbol Argentino", "ORG"),
                        ("AFA", "ORG"))
    assert acronyms_by_initials(spans, {}) == {}


def test_a_handle_that_spells_a_name_of_the_article_is_that_entity():
    text = "Jimmy Kimmel bromeó. Escribió @jimmykimmel y @POTUS."
    spans = mentions_of(text, ("Jimmy Kimmel", "PER"), ("@jimmykimmel", "ORG"), ("@POTUS", "ORG"))
    assert {key: full.text for key, full in handles_spelled(spans).items()} == {"jimmykimmel": "Jimmy Kimmel"}
    result = canonicalise(spans, text)
    assert [(x.text, x.entity_name, x.label) for x in result][1:] == [
        ("@jimmykimmel", "Jimmy Kimmel", "PER"), ("@POTUS", "@POTUS", "ORG")]


def test_the_long_form_of_a_known_acronym_is_the_known_entity():
    text = "Es la del fundador del Movimiento de Regeneración Nacional (Morena). Morena ganó."
    spans = mentions_of(text, ("Movimiento de Regeneración Nacional", "ORG"), ("Morena", "ORG"), ("Morena", "ORG", 2))
    result = canonicalise(spans, text)
    assert len({x.entity_key for x in result}) == 1
    text = "Felipe Calderón (PAN) habló. Calderón dijo."
    spans = mentions_of(text, ("Felipe Calderón", "PER"), ("PAN", "ORG"), ("Calderón", "PER", 2))
    assert [x.entity_name for x in canonicalise(spans, text)] == ["Felipe Calderón", "Partido Acción Nacional",
                                                                  "Felipe Calderón"]


def test_a_bodys_head_word_alone_is_the_one_longer_name_of_the_article_it_opens():
    text = "La Secretaría de Salud informó. La Secretaría dijo. La Cámara de Diputados y la Cámara de Senadores. La Cámara votó."
    spans = mentions_of(text, ("Secretaría de Salud", "ORG"), ("Secretaría", "ORG", 2), ("Cámara de Diputados", "ORG"),
                        ("Cámara de Senadores", "ORG"), ("Cámara", "ORG", 3))
    result = canonicalise(spans, text)
    assert [x.entity_name for x in result] == ["Secretaría de Salud", "Secretaría de Salud", "Cámara de Diputados",
                                               "Cámara de Senadores", "Cámara"]   # two chambers: not in the text

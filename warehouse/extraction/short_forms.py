"""Short forms of one article and the longer names they stand for: acronyms and handles, as
plain functions over plain mentions (`canonical.py` gives a short form its name's entity).

The evidence is inside the article:
- a definition: a name followed by its acronym in parentheses (`Organización Mundial de la
  Salud (OMS)`, `Movimiento de Regeneración Nacional (Morena)`, `Petróleos Mexicanos (Pemex)`);
- an acronym written alone whose letters are the initials of exactly one longer name of the
  article (`AFA` beside `Asociación del Fútbol Argentino`, `PSG` beside `París Saint-Germain`).
  Two names with the same initials leave it alone: which one is meant is not in the text;
- a handle that spells one multi-word name of the article (`@jimmykimmel`, `Jimmy Kimmel`);
- a body's head word alone (`la Secretaría`, `la Cámara`, `la Copa`) after the one longer name
  of the article it opens (`Secretaría de Salud`, `Cámara de Diputados`, `Copa del Mundo`).
"""

from __future__ import annotations

from typing import Protocol

from warehouse.extraction.keys import entity_key

# Words an acronym may skip (`Partido de la Revolución Democrática` -> PRD) or take a letter of
# (`Consejo Nacional de Ciencia y Tecnología` -> Conacyt).
_CONNECTORS = frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "en", "para", "por", "a",
                         "of", "the", "and", "for"})


class _Mention(Protocol):
    start: int
    end: int
    text: str
    label: str


def is_acronym(text: str) -> bool:
    """`OMS`, `FIFA`, `EE.UU.` aside: one word of 2 to 8 capitals."""
    return " " not in text and text.isupper() and 2 <= len(text) <= 8


def defined_acronyms(mentions: list[_Mention], text: str | None) -> dict[str, _Mention]:
    """Acronyms the article defines, by key: a one-word mention in parentheses right after a
    longer mention names the same entity, when it is in capitals (`Centro de Investigación y
    Docencia Económicas (CIDE)`) or spells the longer name's first letters or syllables in order
    (`Morena`, `Pemex`; not `Universidad de Guadalajara (Jalisco)`). After a person, only an
    acronym of the person's own name (`Andrés Manuel López Obrador (AMLO)`; `Felipe Calderón
    (PAN)` names his party). `mentions` in text order."""
    if not text:
        return {}
    defined = {}
    for full, short in zip(mentions, mentions[1:]):
        if (" " in full.text and " " not in short.text and text[full.end:short.start].strip() == "("
                and text[short.end:short.end + 1] == ")"
                and (spells(short.text, full.text) or is_acronym(short.text) and full.label != "PER")):
            defined.setdefault(entity_key(short.text), full)
    return defined


def acronyms_by_initials(mentions: list[_Mention], defined: dict[str, _Mention]) -> dict[str, _Mention]:
    """Acronyms written alone (not defined) whose letters are the initials of the content words
    of exactly one multi-word name of the article that is not a person, by key."""
    names: dict[str, dict[str, _Mention]] = {}
    for mention in mentions:
        if mention.label != "PER" and len(entity_key(mention.text).split()) > 1:
            initials = "".join(word[0] for word in entity_key(mention.text).split() if word not in _CONNECTORS)
            names.setdefault(initials, {}).setdefault(entity_key(mention.text), mention)
    found = {}
    for mention in mentions:
        key = entity_key(mention.text)
        if is_acronym(mention.text) and key not in defined and len(names.get(key, {})) == 1:
            found[key] = next(iter(names[key].values()))
    return found


def handles_spelled(mentions: list[_Mention]) -> dict[str, _Mention]:
    """Handles (`@jimmykimmel`) whose letters are those of exactly one multi-word name of the
    article (`Jimmy Kimmel`), by key."""
    names: dict[str, dict[str, _Mention]] = {}
    for mention in mentions:
        key = entity_key(mention.text)
        if mention.text[:1] not in "@#" and len(key.split()) > 1:
            names.setdefault(key.replace(" ", ""), {}).setdefault(key, mention)
    found = {}
    for mention in mentions:
        letters = entity_key(mention.text).replace(" ", "")
        if mention.text.startswith("@") and len(names.get(letters, {})) == 1:
            found[entity_key(mention.text)] = next(iter(names[letters].values()))
    return found


def heads_alone(mentions: list[_Mention], head_words: set[str] | dict[str, str]) -> dict[str, _Mention]:
    """One-word mentions that are a body's head word (`head_words`: `Secretaría`, `Cámara`) and
    open exactly one longer name of the article that is not a person, by key: that name."""
    longer: dict[str, dict[str, _Mention]] = {}
    for mention in mentions:
        key = entity_key(mention.text)
        if mention.label != "PER" and " " in key:
            longer.setdefault(key.split()[0], {}).setdefault(key, mention)
    found = {}
    for mention in mentions:
        key = entity_key(mention.text)
        if mention.text in head_words and " " not in key and len(longer.get(key, {})) == 1:
            found[key] = next(iter(longer[key].values()))
    return found


def spells(acronym: str, name: str) -> bool:
    """`Morena` spells `Movimiento de Regeneración Nacional` (mo-re-na), `Pemex` spells `Petróleos
    Mexicanos`: the acronym's letters are, in order, a beginning of every content word of the
    name (connectors may give a letter or none), starting with the first."""
    letters = entity_key(acronym).replace(" ", "")
    words = entity_key(name).split()
    if len(letters) < 2 or not words or words[0][:1] != letters[:1]:
        return False

    def match(at: int, word: int) -> bool:
        if word == len(words):
            return at == len(letters)
        if words[word] in _CONNECTORS and match(at, word + 1):
            return True
        taken = 0
        while taken < len(words[word]) and at + taken < len(letters) and words[word][taken] == letters[at + taken]:
            taken += 1
            if match(at + taken, word + 1):
                return True
        return False

    return match(0, 0)

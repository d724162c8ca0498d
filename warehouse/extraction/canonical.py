"""Canonical entities: one key and one name per real-world entity.

Plain functions over plain mentions (no spaCy): within an article, every surface form gets one
label (majority vote) and a short person name links to the full name it abbreviates (`Putin` ->
`Vladímir Putin`); across articles, an accent-, case- and punctuation-insensitive key, with the
alias seeds mapping `EE.UU.` and `Estados Unidos` to one entity.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from babel import Locale

from warehouse.seeds import read_seed, split_list

# When two labels tie in a vote, the more specific wins: a name that is sometimes a person is a
# person; MISC is what the model says when unsure.
LABEL_PRIORITY = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}


@dataclass(frozen=True)
class Mention:
    start: int             # character offsets into the article body: body[start:end] == text
    end: int
    text: str
    label: str             # PER, ORG, LOC or MISC, after the in-article vote
    sentence: int          # 0-based sentence index in the body
    entity_name: str = ""  # canonical name (filled by `canonicalise`)
    entity_key: str = ""   # accent/case/punctuation-insensitive key of the canonical name
    country_code: str | None = None  # ISO-3166 alpha-2 when the entity is a country


@lru_cache(maxsize=65536)
def entity_key(name: str) -> str:
    """`Kasim-Yomart Tokáyev` -> `kasim yomart tokayev`; `EE.UU.` -> `eeuu`."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    letters = re.sub(r"[.'’´`]", "", letters)          # abbreviations: EE.UU. == EEUU
    return " ".join(re.sub(r"[^\w]+", " ", letters).split())


@dataclass(frozen=True)
class KnownEntity:
    name: str
    label: str
    country_code: str | None


@lru_cache(maxsize=1)
def cldr_countries() -> dict[str, str]:
    """CLDR's Spanish country names (Babel) -> ISO 3166-1 alpha-2; pseudo-regions (`EU`, `UN`) left out."""
    return {name: code for code, name in Locale("es").territories.items()
            if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "QO")}


@lru_cache(maxsize=1)
def known_entities() -> dict[str, KnownEntity]:
    """Entity knowledge by key: CLDR's Spanish country names (Babel), then `seeds/entities.csv`
    and `seeds/agencies.csv`, whose rows (and their aliases) override it."""
    known: dict[str, KnownEntity] = {}
    for name, code in cldr_countries().items():
        known[entity_key(name)] = KnownEntity(name, "LOC", code)
    for row in read_seed("entities"):
        entity = KnownEntity(row["name"], row["label"], row["country_code"] or None)
        for alias in [row["name"], *split_list(row["aliases"])]:
            known[entity_key(alias)] = entity
    for row in read_seed("agencies"):
        entity = KnownEntity(row["name"], "ORG", None)
        for alias in [row["name"], *split_list(row["aliases"])]:
            known[entity_key(alias)] = entity
    return known


def known_name_patterns() -> list[dict[str, str]]:
    """EntityRuler phrase patterns for every seeded name and alias (`seeds/entities.csv`,
    `seeds/agencies.csv`), as written: matching is case-sensitive, so `Gobierno` is found and
    `gobierno` is not. CLDR country names are left to the model, which finds them well."""
    patterns = []
    for seed, fixed_label in (("entities", None), ("agencies", "ORG")):
        for row in read_seed(seed):
            for alias in [row["name"], *split_list(row["aliases"])]:
                patterns.append({"label": fixed_label or row["label"], "pattern": alias})
    return patterns


def vote_labels(mentions: list[Mention]) -> list[Mention]:
    """One label per surface form within an article: the majority, ties by LABEL_PRIORITY; a
    place-or-actor name keeps LOC or ORG by mention (`_roles`)."""
    votes: dict[str, Counter[str]] = {}
    for mention in mentions:
        votes.setdefault(entity_key(mention.text), Counter())[mention.label] += 1
    winner = {
        key: min(counter, key=lambda label: (-counter[label], LABEL_PRIORITY.get(label, 9)))
        for key, counter in votes.items()
    }
    return [m if _roles(m.label, winner[entity_key(m.text)]) else replace(m, label=winner[entity_key(m.text)])
            for m in mentions]


def _roles(label: str, winner: str) -> bool:
    """LOC and ORG of one name are two roles, not a disagreement to vote away (`en México` LOC,
    `México firmó` ORG): the mention keeps its own."""
    return {label, winner} <= {"LOC", "ORG"}


def canonicalise(mentions: list[Mention], text: str | None = None, country: str | None = None) -> list[Mention]:
    """Fill entity_name, entity_key and country_code for the mentions of one article.

    `text` is the article body (for acronyms it defines: `Administración de Medicamentos y
    Alimentos (FDA)`), `country` its outlet's country (ISO-3166 alpha-2: `EU` is `Estados
    Unidos` in Mexican copy, `seeds/regional_aliases.csv`)."""
    known = known_entities()
    regional = regional_aliases().get(country or "", {})
    mentions = vote_labels(mentions)
    # Full person names in this article, longest first, to resolve short forms against; names
    # of equal length in the order the article gives them (`Matías Almeyda` then `Matias
    # Almeyda`), so a short name gets the same full name in every process (a set's order would
    # change with the hash seed).
    in_text_order = sorted(mentions, key=lambda m: m.start)
    full_names = sorted(dict.fromkeys(strip_titles(m.text) for m in in_text_order
                                      if m.label == "PER" and len(m.text.split()) > 1), key=len, reverse=True)
    acronyms = defined_acronyms(in_text_order, text)
    result = []
    for mention in mentions:
        name, label, code = strip_titles(mention.text), mention.label, None
        key = entity_key(name)
        knowledge = regional.get(key) or known.get(key)
        if knowledge is None and key in acronyms:
            defined = acronyms[key]
            knowledge = known.get(entity_key(defined.text)) or KnownEntity(defined.text, defined.label, None)
        if knowledge is not None:
            name, code = knowledge.name, knowledge.country_code
            # A country's mention keeps its role, place or actor (`en Rusia` LOC, `Rusia firmó`
            # ORG); other knowledge types the mention (`Gobierno` is ORG, `Covid-19` MISC).
            if not (code is not None and label in ("LOC", "ORG")):
                label = knowledge.label
        elif label == "PER" or len(name.split()) == 1:
            longer = _full_name_for(name, full_names)
            if longer is not None:
                name, label = longer, "PER"
        result.append(replace(mention, label=label, entity_name=name,
                              entity_key=entity_key(name), country_code=code))
    return result


def defined_acronyms(mentions: list[Mention], text: str | None) -> dict[str, Mention]:
    """Acronyms the article defines, by key: a one-word upper-case mention in parentheses right
    after a longer mention (`Organización Mundial de la Salud (OMS)`, `Centro de Investigación y
    Docencia Económicas (CIDE)`) names the same entity as that mention."""
    if not text:
        return {}
    defined = {}
    for full, short in zip(mentions, mentions[1:]):
        if (" " in full.text and " " not in short.text and short.text.isupper() and 2 <= len(short.text) <= 8
                and text[full.end:short.start].strip() == "(" and text[short.end:short.end + 1] == ")"):
            defined.setdefault(entity_key(short.text), full)
    return defined


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Titles and forms of address, abbreviated ones too (`Dr.`, `Sra.`): never part of a name
    (`seeds/non_entity_words.csv`)."""
    return frozenset(row["word"] for row in read_seed("non_entity_words") if row["reason"] in ("title", "form of address"))


@lru_cache(maxsize=1)
def name_words() -> dict[str, dict[str, str]]:
    """Words that type a name by position (`seeds/entity_name_words.csv`): {"first": {word:
    label}, "last": {...}}: `Ministerio …` ORG, `Río …` LOC, `… Partners` ORG."""
    words: dict[str, dict[str, str]] = {"first": {}, "last": {}}
    for row in read_seed("entity_name_words"):
        words[row["position"]][row["word"]] = row["label"]
    return words


@lru_cache(maxsize=1)
def cue_words() -> dict[str, str]:
    """Nouns before a name that type it (`seeds/entity_cue_words.csv`): `consorcio` ORG."""
    return {row["word"]: row["label"] for row in read_seed("entity_cue_words")}


def strip_titles(name: str) -> str:
    """`Dr. Anthony Fauci` -> `Anthony Fauci`: titles and forms of address are not the name."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in title_words():
        words = words[1:]
    return " ".join(words) if len(words) != len(name.split()) else name


@lru_cache(maxsize=1)
def regional_aliases() -> dict[str, dict[str, KnownEntity]]:
    """Aliases that hold in one country's copy only (`seeds/regional_aliases.csv`): by outlet
    country, alias key -> the entity (`EU` is Estados Unidos in Mexico, the European Union in Spain)."""
    known = known_entities()
    aliases: dict[str, dict[str, KnownEntity]] = {}
    for row in read_seed("regional_aliases"):
        entity = known.get(entity_key(row["name"]))
        if entity is None:
            raise ValueError(f"seeds/regional_aliases.csv: {row['name']!r} is not in seeds/entities.csv or CLDR")
        aliases.setdefault(row["country"], {})[entity_key(row["alias"])] = entity
    return aliases


def _full_name_for(short: str, full_names: list[str]) -> str | None:
    """The longest full name of the article that ends in `short`'s words and is longer (`Putin`,
    `Peña Nieto`), of equal lengths the first in `full_names`; else the one full name that begins
    with them (`Karla` for `Karla Souza`, `Edmundo Jacobo` for `Edmundo Jacobo Molina`), when
    only one does and it is not the name with a generation suffix (`Donald Trump Jr`)."""
    key = entity_key(short).split()
    for full in full_names:
        parts = entity_key(full).split()
        if len(parts) > len(key) and parts[-len(key):] == key:
            return full
    starting = {entity_key(full): full for full in full_names
                if len(entity_key(full).split()) > len(key) and entity_key(full).split()[:len(key)] == key
                and entity_key(full).split()[-1] not in _GENERATIONS}
    return next(iter(starting.values())) if len(starting) == 1 else None


# A generation suffix makes another person: `Donald Trump Jr` is not `Donald Trump`.
_GENERATIONS = frozenset({"jr", "sr", "hijo", "padre", "ii", "iii", "iv"})

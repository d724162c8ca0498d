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
def known_entities() -> dict[str, KnownEntity]:
    """Entity knowledge by key: CLDR's Spanish country names (Babel), then `seeds/entities.csv`
    and `seeds/agencies.csv`, whose rows (and their aliases) override it."""
    known: dict[str, KnownEntity] = {}
    for code, name in Locale("es").territories.items():
        if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "QO"):
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
    """One label per surface form within an article: the majority, ties by LABEL_PRIORITY."""
    votes: dict[str, Counter[str]] = {}
    for mention in mentions:
        votes.setdefault(entity_key(mention.text), Counter())[mention.label] += 1
    winner = {
        key: min(counter, key=lambda label: (-counter[label], LABEL_PRIORITY.get(label, 9)))
        for key, counter in votes.items()
    }
    return [replace(m, label=winner[entity_key(m.text)]) for m in mentions]


def canonicalise(mentions: list[Mention]) -> list[Mention]:
    """Fill entity_name, entity_key and country_code for the mentions of one article."""
    known = known_entities()
    mentions = vote_labels(mentions)
    # Full person names in this article, longest first, to resolve short forms against; names
    # of equal length in the order the article gives them (`Matías Almeyda` then `Matias
    # Almeyda`), so a short name gets the same full name in every process (a set's order would
    # change with the hash seed).
    in_text_order = sorted(mentions, key=lambda m: m.start)
    full_names = sorted(dict.fromkeys(m.text for m in in_text_order
                                      if m.label == "PER" and len(m.text.split()) > 1), key=len, reverse=True)
    result = []
    for mention in mentions:
        name, label, code = mention.text, mention.label, None
        knowledge = known.get(entity_key(name))
        if knowledge is not None:
            name, label, code = knowledge.name, knowledge.label, knowledge.country_code
        elif len(name.split()) == 1:
            longer = _full_name_for(name, full_names)
            if longer is not None:
                name, label = longer, "PER"
        result.append(replace(mention, label=label, entity_name=name,
                              entity_key=entity_key(name), country_code=code))
    return result


def _full_name_for(short: str, full_names: list[str]) -> str | None:
    """The longest full name of the article whose last name part is `short` (`Putin`); of equal
    lengths, the first in `full_names`."""
    key = entity_key(short)
    for full in full_names:
        parts = entity_key(full).split()
        if parts and parts[-1] == key:
            return full
    return None

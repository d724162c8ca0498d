"""Canonical entities: one key and one name per real-world entity.

Plain functions over plain mentions (no spaCy): within an article, every surface form gets one
label (majority vote) and a short person name links to the full name it abbreviates (`Putin` ->
`Vladímir Putin`); across articles, an accent-, case- and punctuation-insensitive key, with the
alias seeds mapping `EE.UU.` and `Estados Unidos` to one entity.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from babel import Locale

from warehouse.extraction.short_forms import acronyms_by_initials, defined_acronyms, handles_spelled, heads_alone
from warehouse.extraction.keys import entity_key  # noqa: F401  (imported from here by the other modules)
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
    in_order = dict.fromkeys(strip_titles(m.text) for m in in_text_order if m.label == "PER" and len(m.text.split()) > 1)
    first_named = {name: position for position, name in enumerate(in_order)}
    full_names = sorted(in_order, key=len, reverse=True)
    acronyms = defined_acronyms(in_text_order, text)
    # A long form whose acronym is known takes the acronym's entity (`Movimiento de Regeneración
    # Nacional (Morena)`), as the acronym takes a long form's.
    long_forms = {entity_key(full.text): regional.get(short) or known[short]
                  for short, full in acronyms.items() if short in known or short in regional}
    acronyms.update(acronyms_by_initials(in_text_order, acronyms))
    acronyms.update(handles_spelled(in_text_order))
    heads = heads_alone(in_text_order, name_words()["first"])
    person_counts = Counter(entity_key(strip_titles(m.text)) for m in mentions if m.label == "PER")
    result = []
    for mention in mentions:
        name, label, code = strip_titles(mention.text), mention.label, None
        key = entity_key(name)
        knowledge = None
        if key in heads:   # `la Secretaría` of the article's `Secretaría de Salud`: before the country's
            knowledge = known.get(entity_key(heads[key].text)) or KnownEntity(heads[key].text, heads[key].label, None)
        knowledge = knowledge or regional.get(key) or known.get(key) or long_forms.get(key)
        if knowledge is None and key in acronyms:   # an acronym or handle of a longer name here
            defined = acronyms[key]
            knowledge = known.get(entity_key(defined.text)) or KnownEntity(defined.text, defined.label, None)
        if knowledge is not None:
            name, code = knowledge.name, knowledge.country_code
            # A country's mention keeps its role, place or actor (`en Rusia` LOC, `Rusia firmó`
            # ORG); other knowledge types the mention (`Gobierno` is ORG, `Covid-19` MISC).
            if not (code is not None and label in ("LOC", "ORG")):
                label = knowledge.label
        elif label == "PER" or len(name.split()) == 1:
            longer = _full_name_for(name, full_names, person_counts, first_named)
            if longer is not None:
                name, label = longer, "PER"
        # The constructor, not dataclasses.replace: three times faster, for every mention of a run.
        result.append(Mention(mention.start, mention.end, mention.text, label, mention.sentence, name,
                              entity_key(name), code))
    return _misspellings_merged(result)


def _misspellings_merged(mentions: list[Mention]) -> list[Mention]:
    """`Jimmy Kemmel` beside `Jimmy Kimmel`, `Netfllix` beside `Netflix`: a name of the article one
    typing slip from a name it gives more often (or as often, earlier), persons with persons and
    other names with other names, is that name (`_one_slip`). Countries and seeded names stay."""
    counts = Counter(m.entity_key for m in mentions)
    first: dict[str, Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        first.setdefault(mention.entity_key, mention)
    keys = sorted(counts, key=lambda key: (-counts[key], first[key].start))
    known = known_entities()
    target: dict[str, Mention] = {}
    for index, variant in enumerate(keys):
        if first[variant].country_code or variant in known:
            continue
        for main in keys[:index]:
            if abs(len(main) - len(variant)) <= 1 and main not in target \
                    and (first[main].label == "PER") == (first[variant].label == "PER") and _one_slip(main, variant):
                target[variant] = first[main]
                break
    return [m if m.entity_key not in target else
            replace(m, label=target[m.entity_key].label, entity_name=target[m.entity_key].entity_name,
                    entity_key=target[m.entity_key].entity_key, country_code=target[m.entity_key].country_code)
            for m in mentions]


def _one_slip(a: str, b: str) -> bool:
    """Two keys that differ in one word of six letters or more by one letter changed, added or
    dropped, not the last one (`daniel`/`daniela`, `julio`/`julia` are two people)."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    differ = [(x, y) for x, y in zip(words_a, words_b) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    if min(len(x), len(y)) < 6 or abs(len(x) - len(y)) > 1:
        return False
    if len(words_a) == 1 and min(len(x), len(y)) < 7:
        return False
    head = 0
    while head < min(len(x), len(y)) and x[head] == y[head]:
        head += 1
    tail = 0
    while tail < min(len(x), len(y)) - head and x[-1 - tail] == y[-1 - tail]:
        tail += 1
    slip = max(len(x), len(y)) - head - tail   # letters of the longer word the other does not share
    return slip == 1 and tail >= 1 and len(x) - head - tail <= 1 and len(y) - head - tail <= 1


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


def _full_name_for(short: str, full_names: list[str], counts: Counter[str] | None = None,
                   order: dict[str, int] | None = None) -> str | None:
    """The full name of the article that ends in `short`'s words and is longer (`Putin`, `Peña
    Nieto`); else the one full name that begins with them (`Karla` for `Karla Souza`, `Edmundo
    Jacobo` for `Edmundo Jacobo Molina`), when only one does and it is not the name with a
    generation suffix (`Donald Trump Jr`).

    Several people of the article may end in the same words (`Donald Trump`, `Melania Trump`):
    the short form is the one the article names most (`counts`: mentions per full name's key,
    a longer name counting those of the shorter forms it ends in: `López Obrador` is `Andrés
    Manuel López Obrador`), then the one it names first (`order`: full name -> position), then
    the longest."""
    key = _words_of(short)
    ending = [full for full in full_names if len(_words_of(full)) > len(key) and _words_of(full)[-len(key):] == key]
    if ending:
        counts, order = counts or Counter(), order or {}

        def longest_form(name: str) -> str:   # full_names are longest first
            words = _words_of(name)
            return next(full for full in ending if _words_of(full)[-len(words):] == words)

        named: Counter[str] = Counter()
        for full in ending:
            named[longest_form(full)] += counts[entity_key(full)]
        return max(dict.fromkeys(longest_form(full) for full in ending),
                   key=lambda full: (named[full], -order.get(full, 0)))
    starting = {entity_key(full): full for full in full_names
                if len(_words_of(full)) > len(key) and _words_of(full)[:len(key)] == key
                and _words_of(full)[-1] not in _GENERATIONS}
    return next(iter(starting.values())) if len(starting) == 1 else None


@lru_cache(maxsize=65536)
def _words_of(name: str) -> tuple[str, ...]:
    return tuple(entity_key(name).split())


# A generation suffix makes another person: `Donald Trump Jr` is not `Donald Trump`.
_GENERATIONS = frozenset({"jr", "sr", "hijo", "padre", "ii", "iii", "iv"})

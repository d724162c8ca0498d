"""The grammar's vocabularies: currencies, units, scale and number words, qualifiers, nouns not
counted (all from `seeds/*.csv`, read into `Currency`, `Unit` and `FigureGrammar` by
`load_figure_grammar`), the few closed-class words the grammar itself knows, and the lookups of
them at a token position (`Lexicon`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from warehouse.extraction.amounts.records import QUALIFIERS
from warehouse.extraction.amounts.tokens import Tokens, longest, longest_before, phrase_key
from warehouse.paths import SEEDS_DIR
from warehouse.seeds import read_seed, split_list


@dataclass(frozen=True)
class Currency:
    code: str
    name: str
    minor_unit: int
    symbols: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(frozen=True)
class Unit:
    symbol: str
    dimension: str
    base_symbol: str
    factor_to_base: Decimal
    words: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per seeds folder
class FigureGrammar:
    """Every vocabulary the grammar uses, read from the seeds, with its lookup tables."""

    currencies: dict[str, Currency]             # by code, in file order
    units: dict[str, Unit]                      # by symbol
    scale_words: dict[str, int]
    approximate_scales: frozenset[str]          # collective numerals: `treintena`, `centenar`
    change_verb_stems: tuple[str, ...]          # `hasta el` after these is an endpoint
    number_words: dict[str, Decimal]
    fraction_words: dict[str, int]              # `quintos` -> 5 (`dos quintos`)
    rate_denominators: dict[str, str]           # `habitante` -> 'person', `minuto` -> 'time' (rates.py)
    qualifiers: dict[tuple[str, ...], str]      # phrase tokens (lowercase) -> qualifier
    count_exclusions: dict[str, str]            # single word -> reason
    labels: dict[tuple[str, ...], str]          # words after which a number is an identifier
    blocked_phrases: dict[tuple[str, ...], str] # phrases after which a number is not a figure
    unit_exact: dict[tuple[str, ...], str]      # short symbols, case as written (`MW`, `t`)
    unit_folded: dict[tuple[str, ...], str]     # unit words, lowercase
    currency_words: dict[tuple[str, ...], tuple[str, ...]]  # lowercase -> candidate codes
    currency_signs: dict[tuple[str, ...], tuple[str, ...]]  # symbols and codes, exact case
    demonym_stems: dict[str, re.Pattern[str]]   # code -> pattern of its country words


# Reasons in count_exclusions.csv that are not "this noun is never counted".
_ADJECTIVE = "adjective"      # stands between number and noun: `300 nuevos casos`
_NOMINAL_ADJECTIVE = "adjective_or_noun"  # the same, or the noun itself: `63 menores`
_LABEL = "label"              # a number after it is an identifier: `artículo 5`, `por cada 1.000`
_YEAR_MARKER = "year_marker"  # a year-like number after it is a year: `en 2020`, `de 2019`
_NOT_A_FIGURE = "not_a_figure"  # a phrase that turns the number before it into a name
# A four-digit number after one of these reasons' words is a year, not a count.
_YEAR_CONTEXT = (_YEAR_MARKER, "calendar", "duration")

# Unit words of up to three characters are symbols and must match case: `t`, `MW`, `g` are units;
# `G` (in `5G`) or `T` are not.
_SHORT_SYMBOL = 3

# Grammar, not reference data: the subunit of whatever currency is in play, and the sign whose
# candidate currencies a bare subunit word inherits (centavos of dollars or pesos; céntimos of euros).
MINOR_UNIT_WORDS = {"centavo": "$", "centavos": "$", "céntimo": "€", "céntimos": "€",
                    "centimo": "€", "centimos": "€", "penique": "£", "peniques": "£"}
# Vulgar fraction characters: `7½ millas`, `¾ de litro`.
VULGAR_FRACTIONS = {"½": (1, 2), "¼": (1, 4), "¾": (3, 4), "⅓": (1, 3), "⅔": (2, 3), "⅕": (1, 5), "⅖": (2, 5),
                    "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8),
                    "⅞": (7, 8)}
# Articles that may sit between a qualifier or range word and the number: `casi el 40 %`,
# `entre los 100 y los 990 pesos`.
ARTICLES = frozenset({"el", "la", "los", "las", "un", "una"})
# Bare `puntos` (no `porcentuales`) mean three things: percentage points in a sentence that
# gives a percentage (`crecimiento del PIB de dos puntos ... al 2 por ciento`); the change of a
# score or an index after a verb or noun of change (`incremento de la incidencia de 10 puntos`),
# which is not a figure; otherwise, or when a word qualifies them (`dos puntos clave`), items,
# counted (`una addenda de cinco puntos`). `context.settle_points` decides which.
BARE_POINTS = frozenset({"punto", "puntos"})

# `70 u 80 por ciento`, `3,4 ó 3,5 %`: a range with no `entre`/`de`; never for counts or money
# (`3 o 4 personas` reads as the larger, `20 o 30 pesos` likewise). `(10 a 15 metros)` too, with
# `a`, but only for a unit or a percentage written once after the second number: `de`/`del`
# ranges are read by `ranges.read_range`, and `3 a 1` without a unit is a score.
BARE_RANGE_WORDS = ("o", "u", "ó")
# Ways a demonym ends in Spanish: stripping one gives a stem that also starts the country's name
# (`mexicano` -> `mexic` matches `México`; `colombiano` -> `colombi` matches `Colombia`).
_DEMONYM_ENDINGS = ("ense", "ano", "ana", "eno", "ena", "ino", "ina", "es", "esa", "o", "a")
_MIN_STEM = 4


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(split_list(cell))


def fold(s: str) -> str:
    """Lowercase without accents (`México` -> `mexico`), for evidence matching only."""
    decomposed = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _demonym_stem(name: str) -> str | None:
    words = name.split()
    if len(words) < 2:
        return None
    adjective = fold(words[-1])
    for ending in _DEMONYM_ENDINGS:
        if adjective.endswith(ending) and len(adjective) - len(ending) >= _MIN_STEM:
            return adjective[: -len(ending)]
    return None


@lru_cache(maxsize=None)
def load_figure_grammar(seeds_dir: Path = SEEDS_DIR) -> FigureGrammar:
    """Read the figure vocabularies from `seeds_dir` once per process."""
    currencies = {
        row["code"]: Currency(
            code=row["code"],
            name=row["name"],
            minor_unit=int(row["minor_unit"] or 0),
            symbols=_split(row["symbols"]),
            words=tuple(w.lower() for w in _split(row["words"])),
        )
        for row in read_seed("currencies", seeds_dir)
    }
    units = {
        row["symbol"]: Unit(
            symbol=row["symbol"],
            dimension=row["dimension"],
            base_symbol=row["base_symbol"],
            factor_to_base=Decimal(row["factor_to_base"]),
            words=_split(row["words"]),
        )
        for row in read_seed("units", seeds_dir)
    }
    scale_rows = read_seed("scale_words", seeds_dir)
    scale_words = {r["word"].lower(): int(r["multiplier"]) for r in scale_rows}
    approximate_scales = frozenset(r["word"].lower() for r in scale_rows if r["approximate"] == "true")
    change_verb_stems = tuple(r["stem"].lower() for r in read_seed("change_verbs", seeds_dir))
    number_words = {r["word"].lower(): Decimal(r["value"]) for r in read_seed("number_words", seeds_dir)}
    fraction_words = {r["word"].lower(): int(r["denominator"]) for r in read_seed("fraction_words", seeds_dir)}
    rate_denominators = {r["word"].lower(): r["kind"] for r in read_seed("rate_denominators", seeds_dir)}
    qualifiers = {
        phrase_key(r["phrase"].lower()): r["qualifier"] for r in read_seed("amount_qualifiers", seeds_dir)
    }
    unknown = set(qualifiers.values()) - set(QUALIFIERS)
    if unknown:
        raise ValueError(f"amount_qualifiers.csv: unknown qualifiers {sorted(unknown)}")

    count_exclusions: dict[str, str] = {}
    labels: dict[tuple[str, ...], str] = {}
    blocked: dict[tuple[str, ...], str] = {}
    for row in read_seed("count_exclusions", seeds_dir):
        word, reason = row["word"].lower(), row["reason"]
        key = phrase_key(word)
        if reason == _LABEL:
            labels[key] = reason
        if reason == _NOT_A_FIGURE:
            blocked[key] = reason
        if len(key) == 1:
            count_exclusions[word] = reason

    unit_exact: dict[tuple[str, ...], str] = {}
    unit_folded: dict[tuple[str, ...], str] = {}
    for unit in units.values():
        for word in unit.words:
            if len(word) <= _SHORT_SYMBOL:
                unit_exact[phrase_key(word)] = unit.symbol
            else:
                unit_folded[phrase_key(word.lower())] = unit.symbol

    # A word or sign listed under several currencies (`pesos`, `$`) is ambiguous; candidates keep
    # file order, so the first row is the best guess when nothing in the text decides.
    currency_words: dict[tuple[str, ...], tuple[str, ...]] = {}
    currency_signs: dict[tuple[str, ...], tuple[str, ...]] = {}
    for cur in currencies.values():
        for word in cur.words:
            k = phrase_key(word)
            currency_words[k] = currency_words.get(k, ()) + (cur.code,)
        for written in cur.symbols + (cur.code,):
            # A sign with letters and `$` is typed in any case: `mxn$ 20`, `Us$ 5`.
            spellings = {written, written.lower(), written.upper()} if "$" in written else {written}
            for sign in sorted(spellings):
                k = phrase_key(sign)
                if cur.code not in currency_signs.get(k, ()):
                    currency_signs[k] = currency_signs.get(k, ()) + (cur.code,)

    stems = {}
    for cur in currencies.values():
        stem = _demonym_stem(cur.name)
        if stem:
            stems[cur.code] = re.compile(r"\b" + re.escape(stem))

    return FigureGrammar(
        currencies=currencies,
        units=units,
        scale_words=scale_words,
        approximate_scales=approximate_scales,
        change_verb_stems=change_verb_stems,
        number_words=number_words,
        fraction_words=fraction_words,
        rate_denominators=rate_denominators,
        qualifiers=qualifiers,
        count_exclusions=count_exclusions,
        labels=labels,
        blocked_phrases=blocked,
        unit_exact=unit_exact,
        unit_folded=unit_folded,
        currency_words=currency_words,
        currency_signs=currency_signs,
        demonym_stems=stems,
    )


class Lexicon:
    """The grammar's tables with their longest key lengths, computed once."""

    def __init__(self, g: FigureGrammar) -> None:
        self.g = g
        tables = ("qualifiers", "labels", "blocked_phrases", "unit_exact", "unit_folded",
                  "currency_words", "currency_signs")
        self.ml = {name: max((len(k) for k in getattr(g, name)), default=0) for name in tables}
        # First and last tokens of each table's phrases: most tokens start or end none of them.
        self.firsts = {name: frozenset(k[0] for k in getattr(g, name) if k) for name in tables}
        self.lasts = {name: frozenset(k[-1] for k in getattr(g, name) if k) for name in tables}
        self.year_context = {w for w, r in g.count_exclusions.items() if r in _YEAR_CONTEXT}
        self.not_nouns = {w for w, r in g.count_exclusions.items() if r not in (_ADJECTIVE, _NOMINAL_ADJECTIVE)}
        self.adjectives = {w for w, r in g.count_exclusions.items() if r in (_ADJECTIVE, _NOMINAL_ADJECTIVE)}
        self.nominal_adjectives = {w for w, r in g.count_exclusions.items() if r == _NOMINAL_ADJECTIVE}
        self.rate_denominators = g.rate_denominators
        # Tokens a figure may start at besides digits: number words, `mil`, `punto y medio`, `½`.
        self.starters = frozenset(g.number_words) | {"mil"} | BARE_POINTS | frozenset(VULGAR_FRACTIONS)
        # What `may_hold_figures` looks for in a line without digits: a number word, or one of
        # the words that are numbers only before a few others (`un millón`, `medio kilo`).
        self._strong = (frozenset(g.number_words) | {"mil"}) - _WEAK_STARTERS
        unit_firsts = {k[0].lower() for k in g.unit_folded} | {k[0].lower() for k in g.unit_exact}
        after_weak = (set(g.scale_words) | set(g.fraction_words) | set(MINOR_UNIT_WORDS) | unit_firsts
                      | BARE_POINTS | {"coma", "con", "por", "y"})
        self._weak_pairs = frozenset((w, a) for w in _WEAK_STARTERS for a in after_weak)

    def may_hold_figures(self, line: str) -> bool:
        """A line that may hold a figure: a digit or fraction character, a number word, or `un`,
        `medio`, `punto` before a word that makes them numbers. A cheap superset: what it lets
        through, the grammar reads."""
        if _FIGURE_CHARACTER.search(line):
            return True
        words = _NOT_WORD.split(line.lower())
        if not self._strong.isdisjoint(words):
            return True
        return not _WEAK_STARTERS.isdisjoint(words) and not self._weak_pairs.isdisjoint(zip(words, words[1:]))

    def is_change_word(self, t: Tokens, k: int) -> bool:
        """Token k is a verb or noun of change (`incrementar`, `subió`, `aumento`: seeds/change_verbs.csv)."""
        return t.kind[k] == "word" and t.low[k].startswith(self.g.change_verb_stems)

    def at(self, name: str, t: Tokens, i: int, exact: bool) -> tuple[object, int]:
        """The longest phrase of table `name` starting at token i: (value, token count)."""
        return longest(getattr(self.g, name), self.ml[name], t, i, exact, self.firsts[name])

    def before(self, name: str, t: Tokens, i: int, floor: int, exact: bool = False) -> tuple[object, int]:
        """The longest phrase of table `name` ending just before token i, not below `floor`."""
        return longest_before(getattr(self.g, name), self.ml[name], t, i, floor, exact, self.lasts[name])

    def unit_at(self, t: Tokens, i: int) -> tuple[str | None, int]:
        u1, n1 = self.at("unit_exact", t, i, exact=True)
        u2, n2 = self.at("unit_folded", t, i, exact=False)
        return (u1, n1) if n1 >= n2 else (u2, n2)  # type: ignore[return-value]

    def currency_at(self, t: Tokens, i: int) -> tuple[tuple[str, ...] | None, int]:
        c1, n1 = self.at("currency_words", t, i, exact=False)
        c2, n2 = self.at("currency_signs", t, i, exact=True)
        return (c1, n1) if n1 >= n2 else (c2, n2)  # type: ignore[return-value]

    def sign_before(self, t: Tokens, i: int, floor: int) -> tuple[tuple[str, ...] | None, int]:
        return self.before("currency_signs", t, i, floor, exact=True)  # type: ignore[return-value]


# Words in most lines of news that start a figure only before a few words (`un millón`, `medio
# kilo`, `punto y medio`).
_WEAK_STARTERS = frozenset({"un", "una", "uno", "medio", "media", "punto", "puntos"})
_FIGURE_CHARACTER = re.compile("[\\d" + "".join(VULGAR_FRACTIONS) + "]")
_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=None)
def lexicon_for(g: FigureGrammar) -> Lexicon:
    return Lexicon(g)

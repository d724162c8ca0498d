"""The Spanish figure grammar: text -> Amount records.

A figure is `[qualifier] [currency sign] number [scale] [de] [unit | currency | counted noun]`,
or a range `entre|de <figure> y|a <figure>`. The grammar runs over a light token list (numbers,
words, single symbols, with their offsets) rather than one giant regex: Spanish numbers mix
digits and words (`mil 200 millones`, `322 mil 400 pesos`, `un millón y medio`), and every
vocabulary (currencies, units, scale and number words, qualifiers, nouns that are not counted)
comes from `seeds/*.csv`, so it can be extended without touching the code. Digit strings are
read by `warehouse.numbers`, whose docstring states the `.`/`,` ambiguity rules.

Choices a reader of the output should know:
- Amount.text covers qualifier, number, scale and unit or counted noun; the object of a quantity
  (`de wolframio` in `410.000 toneladas de wolframio`) is reported in `object`, not in `text`.
- A counted noun is the lowercase plural word after the number (skipping listed adjectives):
  Spanish plurals end in -s, which keeps verbs and most function words out without a tagger.
- A `$` or `pesos` names several currencies; they are resolved after the whole text is read
  (currencies written elsewhere, the outlet's country, country words), and flagged `unit_inferred`.

What is deliberately not a figure:
- a bare number with nothing that says what it measures (`en 2020`, `la 99.9`);
- numbers glued to `-`, `/`, `:` (`787-9`, `Covid-19`, `1-0`, `Ley 5/2020`, `10:30`), to `+`
  (phones) or to letters that are not a unit (`1º`, `3er`, `5G`);
- vague magnitudes (`decenas de miles`, `cientos de`, `miles de`): they have no exact value,
  and `miles`/`cientos` are simply not number words here, so nothing starts at them;
- `un`/`una` alone (`una reunión`): an article, not a count;
- nouns listed in `seeds/count_exclusions.csv` (durations, calendar words, `veces`...).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from warehouse.numbers import comma_is_decimal, numeral_value, tidy
from warehouse.paths import SEEDS_DIR
from warehouse.seeds import read_seed, split_list

KINDS = ("money", "percent", "quantity", "count")
QUALIFIERS = ("approx", "more_than", "less_than", "at_least", "at_most", "up_to")


@dataclass(frozen=True)
class Amount:
    start: int            # Python str index into the given text
    end: int              # text[start:end] == self.text
    text: str             # the whole figure as written, qualifier and unit words included
    kind: str             # "money" | "percent" | "quantity" | "count"
    value: Decimal        # exact, in the unit's main denomination
    unit: str | None      # ISO-4217 code, "%", "pp", a unit symbol; None for counts
    object: str | None    # what is counted or measured, when the text says it
    qualifier: str | None # None or one of QUALIFIERS
    value_high: Decimal | None = None   # upper bound of a range
    unit_inferred: bool = False         # the unit was inferred from context, not written


# --- reference data ---------------------------------------------------------------------------


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
_MINOR_UNIT_WORDS = {"centavo": "$", "centavos": "$", "céntimo": "€", "céntimos": "€",
                     "centimo": "€", "centimos": "€"}
# Articles that may sit between a qualifier or range word and the number: `casi el 40 %`,
# `entre los 100 y los 990 pesos`.
_ARTICLES = frozenset({"el", "la", "los", "las", "un", "una"})
# Ways a demonym ends in Spanish: stripping one gives a stem that also starts the country's name
# (`mexicano` -> `mexic` matches `México`; `colombiano` -> `colombi` matches `Colombia`).
_DEMONYM_ENDINGS = ("ense", "ano", "ana", "eno", "ena", "ino", "ina", "es", "esa", "o", "a")
_MIN_STEM = 4


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(split_list(cell))


def _fold(s: str) -> str:
    """Lowercase without accents (`México` -> `mexico`), for evidence matching only."""
    decomposed = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _demonym_stem(name: str) -> str | None:
    words = name.split()
    if len(words) < 2:
        return None
    adjective = _fold(words[-1])
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
    qualifiers = {
        _key(r["phrase"].lower()): r["qualifier"] for r in read_seed("amount_qualifiers", seeds_dir)
    }
    unknown = set(qualifiers.values()) - set(QUALIFIERS)
    if unknown:
        raise ValueError(f"amount_qualifiers.csv: unknown qualifiers {sorted(unknown)}")

    count_exclusions: dict[str, str] = {}
    labels: dict[tuple[str, ...], str] = {}
    blocked: dict[tuple[str, ...], str] = {}
    for row in read_seed("count_exclusions", seeds_dir):
        word, reason = row["word"].lower(), row["reason"]
        key = _key(word)
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
                unit_exact[_key(word)] = unit.symbol
            else:
                unit_folded[_key(word.lower())] = unit.symbol

    # A word or sign listed under several currencies (`pesos`, `$`) is ambiguous; candidates keep
    # file order, so the first row is the best guess when nothing in the text decides.
    currency_words: dict[tuple[str, ...], tuple[str, ...]] = {}
    currency_signs: dict[tuple[str, ...], tuple[str, ...]] = {}
    for cur in currencies.values():
        for word in cur.words:
            k = _key(word)
            currency_words[k] = currency_words.get(k, ()) + (cur.code,)
        for sign in cur.symbols + (cur.code,):
            k = _key(sign)
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


# --- tokens -----------------------------------------------------------------------------------

# Numbers (`30.000`, `1,5`, `30 000` with thousands spaces), words (letters, then letters or
# digits: `km2`, `CO2`, `G20`), and any other single character.
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_][^\W_]*)"
    r"|(?P<sym>\S)"
)


class _Tokens:
    """Parallel lists: kind ('num' | 'word' | 'sym'), text, lowercase text, offsets, spacing."""

    __slots__ = ("kind", "text", "low", "start", "end", "attached", "broken", "n")

    def __init__(self, text: str) -> None:
        self.kind: list[str] = []
        self.text: list[str] = []
        self.low: list[str] = []
        self.start: list[int] = []
        self.end: list[int] = []
        self.attached: list[bool] = []  # no whitespace before this token
        self.broken: list[bool] = []    # a line break before this token: figures never span it
        prev = 0
        for m in _TOKEN.finditer(text):
            s = m.start()
            gap = text[prev:s]
            self.kind.append(m.lastgroup or "sym")
            self.text.append(m.group())
            self.low.append(m.group().lower())
            self.start.append(s)
            self.end.append(m.end())
            self.attached.append(not gap)
            self.broken.append("\n" in gap)
            prev = m.end()
        self.n = len(self.text)

    def joined(self, k: int) -> bool:
        """Token k exists and continues the same line as token k-1."""
        return k < self.n and not self.broken[k]


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(phrase))


def _longest(table: dict, maxlen: int, t: _Tokens, i: int, exact: bool) -> tuple[object, int]:
    """The longest phrase of `table` starting at token i: (value, token count) or (None, 0)."""
    words = t.text if exact else t.low
    for n in range(min(maxlen, t.n - i), 0, -1):
        if any(t.broken[k] for k in range(i + 1, i + n)):
            continue
        value = table.get(tuple(words[i : i + n]))
        if value is not None:
            return value, n
    return None, 0


def _longest_before(table: dict, maxlen: int, t: _Tokens, i: int, floor: int, exact: bool = False) -> tuple[object, int]:
    """The longest phrase of `table` ending just before token i, not reaching below `floor`."""
    words = t.text if exact else t.low
    if i <= floor or not t.joined(i):
        return None, 0
    for n in range(min(maxlen, i - floor), 0, -1):
        if any(t.broken[k] for k in range(i - n + 1, i)):
            continue
        value = table.get(tuple(words[i - n : i]))
        if value is not None:
            return value, n
    return None, 0


class _Lex:
    """The grammar's tables with their longest key lengths, computed once."""

    def __init__(self, g: FigureGrammar) -> None:
        self.g = g
        self.ml = {
            name: max((len(k) for k in getattr(g, name)), default=0)
            for name in ("qualifiers", "labels", "blocked_phrases", "unit_exact", "unit_folded",
                         "currency_words", "currency_signs")
        }
        self.year_context = {w for w, r in g.count_exclusions.items() if r in _YEAR_CONTEXT}
        self.not_nouns = {w for w, r in g.count_exclusions.items() if r not in (_ADJECTIVE, _NOMINAL_ADJECTIVE)}
        self.adjectives = {w for w, r in g.count_exclusions.items() if r in (_ADJECTIVE, _NOMINAL_ADJECTIVE)}
        self.nominal_adjectives = {w for w, r in g.count_exclusions.items() if r == _NOMINAL_ADJECTIVE}

    def is_change_word(self, t: _Tokens, k: int) -> bool:
        """Token k is a verb or noun of change (`incrementar`, `subió`, `aumento`: seeds/change_verbs.csv)."""
        return t.kind[k] == "word" and t.low[k].startswith(self.g.change_verb_stems)

    def unit_at(self, t: _Tokens, i: int) -> tuple[str | None, int]:
        u1, n1 = _longest(self.g.unit_exact, self.ml["unit_exact"], t, i, exact=True)
        u2, n2 = _longest(self.g.unit_folded, self.ml["unit_folded"], t, i, exact=False)
        return (u1, n1) if n1 >= n2 else (u2, n2)

    def currency_at(self, t: _Tokens, i: int) -> tuple[tuple[str, ...] | None, int]:
        c1, n1 = _longest(self.g.currency_words, self.ml["currency_words"], t, i, exact=False)
        c2, n2 = _longest(self.g.currency_signs, self.ml["currency_signs"], t, i, exact=True)
        return (c1, n1) if n1 >= n2 else (c2, n2)

    def sign_before(self, t: _Tokens, i: int, floor: int) -> tuple[tuple[str, ...] | None, int]:
        return _longest_before(self.g.currency_signs, self.ml["currency_signs"], t, i, floor, exact=True)


@lru_cache(maxsize=None)
def _lex(g: FigureGrammar) -> _Lex:
    return _Lex(g)


# --- numbers ----------------------------------------------------------------------------------


@dataclass
class _Number:
    value: Decimal
    start: int              # first token
    end: int                # token after the last
    scale: int | None       # multiplier of the last scale word, if any
    scale_tok: int | None   # that scale word's token
    year_like: bool         # one plain four-digit token, 1000-2100: a year unless a unit follows


def _word_class(v: Decimal) -> str:
    if v >= 100:
        return "hundred"
    if v >= 30:
        return "tens"
    if v >= 10:
        return "teen"
    return "unit" if v >= 1 else "half"


def _digits_ok(t: _Tokens, k: int, lex: _Lex, floor: int) -> bool:
    """A digit token that is a figure, not a model number, score, time, date, ordinal or phone."""
    if k > 0 and t.attached[k]:
        prev = t.text[k - 1]
        if t.kind[k - 1] == "word":  # `Nº5`, `x5`; but `$U500` is a sign
            return lex.sign_before(t, k, floor)[0] is not None
        if prev in "-‐–/:" and k > 1 and t.attached[k - 1] and t.kind[k - 2] != "sym":
            return lex.sign_before(t, k, floor)[0] is not None  # `S/100` is a sign, `5/2020` is not
        if prev in "+#":
            return False
    nxt = k + 1
    if nxt < t.n and t.attached[nxt]:
        q = t.text[nxt]
        if q in "-‐–/:" and nxt + 1 < t.n and t.attached[nxt + 1] and t.kind[nxt + 1] != "sym":
            return False
        if q == "." and nxt + 1 < t.n and t.attached[nxt + 1] and t.kind[nxt + 1] == "word":
            return False  # `1.º`, `4.a`
        if t.kind[nxt] == "word":
            low = t.low[nxt]
            return bool(
                lex.unit_at(t, nxt)[1]
                or lex.currency_at(t, nxt)[1]
                or low in lex.g.scale_words
                or low in _MINOR_UNIT_WORDS
            )
    return True


def _read_small(t: _Tokens, k: int, lex: _Lex, cd: bool, floor: int) -> tuple[Decimal, int, str] | None:
    """A digit token or a chain of number words below a thousand: (value, next token, form).

    form is 'digits', 'words', 'indef' (`un`/`una`/`uno` alone) or 'half' (`medio`/`media`).
    """
    if k >= t.n:
        return None
    if t.kind[k] == "num":
        if not _digits_ok(t, k, lex, floor):
            return None
        v = numeral_value(t.text[k], comma_decimal=cd)
        return None if v is None else (v, k + 1, "digits")
    words = lex.g.number_words
    w = t.low[k]
    if w not in words:
        return None
    v = words[w]
    cls = _word_class(v)
    if cls == "half":
        return v, k + 1, "half"
    total, j, last, last_word = v, k + 1, cls, w
    while t.joined(j):
        w2 = t.low[j]
        if last == "tens" and w2 in ("y", "e") and t.joined(j + 1) and t.low[j + 1] in words \
                and _word_class(words[t.low[j + 1]]) == "unit":
            total += words[t.low[j + 1]]
            j, last, last_word = j + 2, "unit", t.low[j + 1]
            continue
        if last == "hundred" and last_word != "cien" and w2 in words \
                and _word_class(words[w2]) in ("tens", "teen", "unit"):
            total += words[w2]
            j, last, last_word = j + 1, _word_class(words[w2]), w2
            continue
        break
    form = "indef" if v == 1 and j == k + 1 else "words"
    return total, j, form


def _read_number(t: _Tokens, i: int, lex: _Lex, cd: bool, floor: int) -> _Number | None:
    """The number starting at token i: digits, words, or both with scale words.

    Segments are summed, each `small [mil [small]] [big scale]`, with big scales strictly
    decreasing: `mil 200 millones` = (1000 + 200) x 10^6; `322 mil 400` = 322 400;
    `3 millones 500 mil` = 3 500 000; `mil millones` = 10^9; `un millón y medio` = 1 500 000.
    """
    scales = lex.g.scale_words
    low = t.low

    def cont(j: int) -> bool:  # token j continues this number's line
        return j < t.n and (j == i or not t.broken[j])

    total = Decimal(0)
    k = i
    last_big: int | None = None
    scale = scale_tok = None
    first = True
    year_like = False
    while True:
        seg_start = k
        small = _read_small(t, k, lex, cd, floor) if cont(k) else None
        value, form = (small[0], small[2]) if small else (None, None)
        if small:
            k = small[1]
            if first and form == "digits" and k == i + 1:
                raw = t.text[i]
                year_like = raw.isdigit() and len(raw) == 4 and 1000 <= int(raw) <= 2100
        elif not (first and low[k] == "mil"):
            if first:
                return None
            break
        seg_scaled = ended_big = False
        cur = value
        # `mil` multiplies what is before it (if below a thousand) and adds what follows.
        if cont(k) and low[k] == "mil" and (value is None or (value < 1000 and form != "half")):
            cur = (value if value is not None else Decimal(1)) * 1000
            scale, scale_tok = 1000, k
            k += 1
            seg_scaled = True
            after = _read_small(t, k, lex, cd, floor) if cont(k) else None
            if after and after[2] in ("digits", "words") and after[0] < 1000 \
                    and after[0] == after[0].to_integral_value() and t.text[k].isalnum():
                cur += after[0]  # `mil 200`, `322 mil 400`, `dos mil trescientos`
                k = after[1]
        if cur is None:
            break
        word = low[k] if cont(k) else None
        if word in scales and word != "mil" and (last_big is None or scales[word] < last_big):
            m = scales[word]
            cur *= m
            scale, scale_tok, last_big = m, k, m
            k += 1
            seg_scaled = ended_big = True
            if cont(k + 1) and low[k] == "y" and low[k + 1] in ("medio", "media"):
                cur += Decimal(m) / 2  # `un millón y medio`
                k += 2
        if first:
            if form == "half" and last_big is None:
                return None  # `medio` only counts before a scale: `medio millón`
            if form == "indef" and not seg_scaled:
                return None  # `un`/`una` alone is an article
            first = False
        elif not (seg_scaled or form == "words"):
            k = seg_start  # digits after a big scale (`1 millón 200`) are another number
            break
        total += cur
        if not ended_big:
            break  # only a big scale can be followed by a further segment (`3 millones 500 mil`)
    if k == i:
        return None
    year_like = year_like and k == i + 1  # `2000 millones` is not a year
    return _Number(value=total, start=i, end=k, scale=scale, scale_tok=scale_tok, year_like=year_like)


# --- suffixes: unit, currency, counted noun ---------------------------------------------------


@dataclass
class _Suffix:
    kind: str
    unit: str | None
    candidates: tuple[str, ...] = ()  # money: possible currencies, best guess first
    minor: bool = False               # money: the number counts centavos/céntimos
    extra_minor: Decimal | None = None  # money: `15 dólares y 50 centavos` -> 50
    obj: str | None = None
    end: int = 0


_BLOCKED = _Suffix(kind="blocked", unit=None)


def _object_after(t: _Tokens, e: int, lex: _Lex, *, article: bool = False) -> str | None:
    """`toneladas de wolframio` -> 'wolframio': the word after `de`, when it names a thing.

    With `article`, `de` may be followed by one (`el 90 % de las mezquitas` -> 'mezquitas').
    """
    if not (t.joined(e) and t.low[e] in ("de", "del") and t.joined(e + 1)):
        return None
    k = e + 1
    if article and t.low[e] == "de" and t.low[k] in ("la", "las", "los", "el") and t.joined(k + 1):
        k += 1
    elif t.low[e] == "del" and not article:
        return None
    if t.kind[k] != "word":
        return None
    raw, low = t.text[k], t.low[k]
    if not (raw[0].islower() or raw.isupper()) or low in lex.not_nouns or low in lex.g.number_words:
        return None
    return _with_adjective(t, k + 1, low, lex)


# Endings of Spanish relational adjectives (`hospitalaria`, `sexuales`, `sanitario`, `mundial`,
# `públicas`): a word after the object that ends so is kept with it. Verbs and function words do
# not end so, which is what a tagger would otherwise be needed for.
_ADJECTIVE_ENDINGS = ("al", "ales", "ario", "aria", "arios", "arias", "ico", "ica", "icos", "icas",
                      "ivo", "iva", "ivos", "ivas", "oso", "osa", "osos", "osas", "ble", "bles",
                      "ense", "enses", "ista", "istas", "ano", "ana", "anos", "anas")


def _with_adjective(t: _Tokens, k: int, noun: str, lex: _Lex) -> str:
    if not (t.joined(k) and t.kind[k] == "word" and t.text[k][0].islower()):
        return noun
    word = t.low[k]
    if word in lex.not_nouns or len(word) < 5 or not word.endswith(_ADJECTIVE_ENDINGS):
        return noun
    return f"{noun} {word}"


def _counted_noun(t: _Tokens, j: int, lex: _Lex) -> tuple[str, int] | None:
    """`15 aviones` -> ('aviones', end); adjectives in between are skipped (`300 nuevos casos`).

    An adjective that Spanish also uses as a noun stands for the noun when nothing follows it
    (`63 menores,` = 63 minors; `tres mayores federaciones` still counts federaciones).
    """
    k = j
    while t.joined(k) and t.low[k] in lex.adjectives and k - j < 2:
        k += 1
    if k > j and t.low[k - 1] in lex.nominal_adjectives and not _plural_noun_at(t, k, lex):
        return t.low[k - 1], k
    if not _plural_noun_at(t, k, lex):
        return None
    return t.low[k], k + 1


def _plural_noun_at(t: _Tokens, k: int, lex: _Lex) -> bool:
    if not t.joined(k) or t.kind[k] != "word":
        return False
    raw, low = t.text[k], t.low[k]
    # A counted noun after a number above one is plural, which in Spanish ends in -s; this one
    # test keeps out verbs (`murieron`), prepositions and most adverbs.
    if not raw.isalpha() or len(low) < 3 or not low.endswith("s"):
        return False
    if not raw[0].islower() and not _capitalised_common_noun(t, k):
        return False
    g = lex.g
    return not (low in lex.not_nouns or low in g.number_words or low in g.scale_words)


def _capitalised_common_noun(t: _Tokens, k: int) -> bool:
    """`dos Estados nacionales`, `32 Estados,`: a capitalised plural after a lowercase number,
    followed by a lowercase word or punctuation, is an institution's name used as a common noun.
    A capital on the number (`Dos Hermanas`) or on the next word (`tres Reyes Magos`) makes it
    part of a proper name instead."""
    n = k - 1
    if t.kind[n] == "word" and not t.text[n][0].islower():
        return False
    if n > 0 and t.joined(n) and t.kind[n - 1] == "word" and not t.text[n - 1][0].islower():
        return False  # `Movimiento 5 Estrellas`: a number inside a name
    nxt = k + 1
    if not t.text[k][1:].islower():
        return False  # `ONGs`, `EE.UU.`
    return not t.joined(nxt) or t.kind[nxt] != "word" or t.text[nxt][0].islower()


def _minor_part(t: _Tokens, e: int, lex: _Lex, cd: bool, floor: int) -> tuple[Decimal, int] | None:
    """`y 50 centavos` after a currency word: (50, end)."""
    if not (t.joined(e) and t.low[e] in ("y", "con") and t.joined(e + 1)):
        return None
    small = _read_small(t, e + 1, lex, cd, floor)
    if not small or not t.joined(small[1]) or t.low[small[1]] not in _MINOR_UNIT_WORDS:
        return None
    return small[0], small[1] + 1


def _read_suffix(t: _Tokens, num: _Number, lex: _Lex, cd: bool, floor: int, *, allow_count: bool = True) -> _Suffix | None:
    g = lex.g
    if num.scale_tok is not None and (t.low[num.scale_tok],) in g.currency_words:
        # `571 mdd`: one word is both the scale and the currency.
        return _Suffix("money", None, candidates=g.currency_words[(t.low[num.scale_tok],)], end=num.end)
    j = num.end
    if num.scale is not None and t.joined(j) and t.low[j] == "de":
        j += 1  # `millones de dólares`, `millones de personas`
    elif num.scale_tok == num.end - 1 and t.low[num.scale_tok] != "mil":
        # `millón`, `millones`, `centenar` are nouns: what they count follows `de`. In
        # `20 millones listas para enviarse` the word after is not the counted noun.
        allow_count = False
    if t.joined(j + 1) and t.text[j] == "," and t.attached[j] and t.text[j + 1] == "%":
        j += 1  # `del 6, %`: a decimal comma whose digits were lost
    if not t.joined(j):
        return None
    if _longest(g.blocked_phrases, lex.ml["blocked_phrases"], t, j, exact=False)[1]:
        return _BLOCKED
    unit, n_unit = lex.unit_at(t, j)
    cands, n_cur = lex.currency_at(t, j)
    if unit and n_unit >= n_cur:
        e = j + n_unit
        dimension = g.units[unit].dimension
        if dimension == "percent":
            return _Suffix("percent", "%", obj=_object_after(t, e, lex, article=True), end=e)
        return _Suffix("quantity", unit, obj=_object_after(t, e, lex), end=e)
    if cands:
        e = j + n_cur
        suffix = _Suffix("money", None, candidates=cands, end=e)
        minor = _minor_part(t, e, lex, cd, floor)
        if minor:
            suffix.extra_minor, suffix.end = minor
        return suffix
    if t.low[j] in _MINOR_UNIT_WORDS:
        e = j + 1
        cands = g.currency_signs.get((_MINOR_UNIT_WORDS[t.low[j]],), ())
        if t.joined(e) and t.low[e] == "de":
            named, n_named = lex.currency_at(t, e + 1)
            if named:
                cands, e = named, e + 1 + n_named  # `50 centavos de dólar`
        return _Suffix("money", None, candidates=cands, minor=True, end=e)
    if t.low[j] in _BARE_POINTS:
        # Percentage points, items or a change of an index: decided by the sentence in
        # `_settle_points`, once every percentage of the text is known.
        return _Suffix("quantity", "pp", end=j + 1)
    if allow_count:
        noun = _counted_noun(t, j, lex)
        if noun and not _rate_after(t, noun[1]):
            return _Suffix("count", None, obj=noun[0], end=noun[1])
    return None


def _rate_after(t: _Tokens, e: int) -> bool:
    """`cinco casos de cada 1.000 contagios` is a rate, not a count of cases."""
    return t.joined(e + 1) and t.low[e] in ("de", "por") and t.low[e + 1] == "cada"


# --- figures ----------------------------------------------------------------------------------


@dataclass
class _Figure:
    start: int                # token index
    end: int                  # token index after the last
    kind: str
    value: Decimal
    value_high: Decimal | None
    unit: str | None
    candidates: tuple[str, ...]
    minor: bool
    extra_minor: Decimal | None
    obj: str | None
    qualifier: str | None
    scale: int | None = None  # the scale word the number ends with (`315 millones`), if any
    borrowed: bool = False    # the unit was taken from a neighbouring figure
    number_start: int = 0     # bare numbers: the number's first token (after any qualifier)


# A number that says nothing of what it measures; only context rules may keep it.
_BARE = "bare"


def _qualifier_before(t: _Tokens, p: int, lex: _Lex, floor: int) -> tuple[str | None, int]:
    """The qualifier ending before token p (optionally followed by an article): (qualifier, start)."""
    q, n = _longest_before(lex.g.qualifiers, lex.ml["qualifiers"], t, p, floor)
    if q:
        return q, p - n  # type: ignore[return-value]
    k = p
    if k - 1 > floor and t.low[k - 1] in _ARTICLES and t.joined(k):
        k -= 1
        q, n = _longest_before(lex.g.qualifiers, lex.ml["qualifiers"], t, k, floor)
        if q:
            return q, k - n  # type: ignore[return-value]
    if k - 1 > floor and t.low[k - 1] == "en" and t.joined(k):
        q, n = _longest_before(lex.g.qualifiers, lex.ml["qualifiers"], t, k - 1, floor)
        if q:
            return q, k - 1 - n  # type: ignore[return-value]  # `al menos en el 43,8 %`
    return None, p


# `o menos`/`o más` after a figure: `un 20 % o menos`, `50 personas o más`.
_QUALIFIERS_AFTER = {("o", "menos"): "at_most", ("o", "más"): "at_least", ("o", "mas"): "at_least"}


def _qualifier_after(t: _Tokens, e: int) -> tuple[str | None, int]:
    if t.joined(e + 1):
        q = _QUALIFIERS_AFTER.get((t.low[e], t.low[e + 1]))
        if q:
            return q, e + 2
    return None, e


def _endpoint_not_limit(t: _Tokens, q_start: int, p: int, lex: _Lex) -> bool:
    """`incrementar el ratio hasta el 12,34 %`: after a verb of change, `hasta` + a definite
    article gives where the change ended (an exact value), not an upper limit. `hasta un 40 %`,
    `hasta 50.000 euros` (no definite article) stay `up_to`."""
    if p - q_start != 2 or t.low[q_start] != "hasta" or t.low[q_start + 1] not in ("el", "la", "los", "las"):
        return False
    k = q_start - 1
    while k >= 0 and q_start - k <= _CHANGE_VERB_WINDOW and not t.broken[k + 1]:
        if t.kind[k] == "sym" and t.text[k] in ".;:":
            return False
        if lex.is_change_word(t, k):
            return True
        k -= 1
    return False


_CHANGE_VERB_WINDOW = 8  # tokens between the verb and `hasta`: `incrementar el ratio capital CET1 hasta`


def _not_a_figure_here(t: _Tokens, num: _Number, p: int, kind: str, lex: _Lex, floor: int) -> bool:
    """Identifiers (`artículo 15 ...`) and years (`en 2020 ...`) that happen to precede a noun."""
    if kind in ("count", "quantity") and _longest_before(lex.g.labels, lex.ml["labels"], t, p, max(floor, 0))[1]:
        return True
    if kind == "count" and num.year_like and p > 0 and t.joined(p) and t.low[p - 1] in lex.year_context:
        return True
    return False


def _same_unit(a: _Suffix, b: _Suffix) -> bool:
    return a.kind == b.kind and a.unit == b.unit and (a.kind != "money" or bool(set(a.candidates) & set(b.candidates)))


def _read_range(
    t: _Tokens, p: int, num1: _Number, sign1: tuple[str, ...] | None, lex: _Lex, cd: bool, floor: int
) -> _Figure | None:
    """`entre 10 y 15 millones de euros`, `de 10 a 15 %`, `del 10 al 15 %`: one figure, two bounds."""
    k = p - 1
    if k > floor and t.low[k] in ("los", "las", "el") and t.joined(p):
        k -= 1
    if k < floor or not t.joined(k + 1):
        return None
    opener = t.low[k]
    # `entre el 2 % al 6 %` is not grammatical but is written.
    connectors = {"entre": ("y", "e", "a", "al"), "de": ("a",), "del": ("al",)}.get(opener)
    if not connectors:
        return None
    if opener != "entre" and k > floor and t.joined(k) and lex.is_change_word(t, k - 1):
        return None  # `pasó de 4,1 % a 5,2 %`: a change, two figures (see _transition_source)
    first = _read_suffix(t, num1, lex, cd, floor, allow_count=False)
    if first is _BLOCKED:
        return None
    j = first.end if first else num1.end
    if not (t.joined(j) and t.low[j] in connectors):
        return None
    j += 1
    if t.joined(j) and t.low[j] in ("los", "las", "el") and opener == "entre":
        j += 1
    sign2, n_sign2 = _longest(lex.g.currency_signs, lex.ml["currency_signs"], t, j, exact=True)
    j += n_sign2
    if not t.joined(j):
        return None
    num2 = _read_number(t, j, lex, cd, floor)
    if num2 is None:
        return None
    second = _read_suffix(t, num2, lex, cd, floor)
    if second is _BLOCKED:
        return None
    sign = sign1 or sign2
    if second is None and sign is None:
        return None
    if first and not (second and _same_unit(first, second)):
        return None
    if second is None:
        second = _Suffix("money", None, candidates=sign, end=num2.end)
    elif sign and second.kind != "money":
        return None
    low, high = num1.value, num2.value
    # `entre 10 y 15 millones`: the scale written once applies to both, unless the first bound
    # is already at least as large as the second (`entre 900.000 y 1 millón`).
    if num1.scale is None and num2.scale is not None and low * num2.scale <= high:
        low *= num2.scale
    if not low < high:
        return None  # `de 6 a 3 votos`, `pasando de 45 a 35 %`: a change or a score, not a range
    if second.kind == "count" and (num1.year_like or num2.year_like):
        return None
    candidates = second.candidates
    if second.kind == "money" and sign and not second.candidates:
        candidates = sign
    elif second.kind == "money" and sign and set(sign) & set(second.candidates):
        candidates = tuple(c for c in second.candidates if c in sign)
    return _Figure(
        start=k, end=second.end, kind=second.kind, value=low, value_high=high, unit=second.unit,
        candidates=candidates, minor=second.minor, extra_minor=None, obj=second.obj, qualifier=None,
    )


# Bare `puntos` (no `porcentuales`) mean three things: percentage points in a sentence that
# gives a percentage (`crecimiento del PIB de dos puntos ... al 2 por ciento`); the change of a
# score or an index after a verb or noun of change (`incremento de la incidencia de 10 puntos`),
# which is not a figure; otherwise, or when a word qualifies them (`dos puntos clave`), items,
# counted (`una addenda de cinco puntos`).
_BARE_POINTS = frozenset({"punto", "puntos"})

# `70 u 80 por ciento`, `3,4 ó 3,5 %`: a range with no `entre`/`de`; never for counts or money
# (`3 o 4 personas` reads as the larger, `20 o 30 pesos` likewise). `(10 a 15 metros)` too, with
# `a`, but only for a unit or a percentage written once after the second number: `de`/`del`
# ranges are read by `_read_range`, and `3 a 1` without a unit is a score.
_BARE_RANGE_WORDS = ("o", "u", "ó")
_BARE_RANGE_TO = "a"


def _read_bare_range(t: _Tokens, num1: _Number, lex: _Lex, cd: bool, floor: int) -> _Figure | None:
    first = _read_suffix(t, num1, lex, cd, floor, allow_count=False)
    if first is _BLOCKED:
        return None
    j = first.end if first else num1.end
    if not t.joined(j):
        return None
    to = (t.low[j] == _BARE_RANGE_TO and first is None
          and not (num1.start > floor and t.low[num1.start - 1] in ("de", "del")))  # `subió de 10 a 15 %`
    if t.low[j] not in _BARE_RANGE_WORDS and not to:
        return None
    num2 = _read_number(t, j + 1, lex, cd, floor) if t.joined(j + 1) else None
    if num2 is None:
        return None
    second = _read_suffix(t, num2, lex, cd, floor)
    if second is None or second is _BLOCKED or second.kind == "count" or second.kind == "money":
        return None
    if to and (second.kind not in ("quantity", "percent") or t.low[second.end - 1] in _BARE_POINTS):
        return None
    if first and not _same_unit(first, second):
        return None
    low, high = num1.value, num2.value
    if num1.scale is None and num2.scale is not None and low * num2.scale <= high:
        low *= num2.scale
    if not low < high:
        return None
    return _Figure(
        start=num1.start, end=second.end, kind=second.kind, value=low, value_high=high, unit=second.unit,
        candidates=second.candidates, minor=second.minor, extra_minor=None, obj=second.obj, qualifier=None,
    )


def _read_figure(t: _Tokens, i: int, lex: _Lex, cd: bool, floor: int) -> tuple[_Figure | None, int]:
    """The figure whose number starts at token i, and the token to resume scanning from.

    A number with nothing that says what it measures comes back as kind `bare`: the context
    rules (`_borrow_units`) may give it the unit of a neighbour, else it is dropped.
    """
    hyphen = _read_hyphen_range(t, i, lex, cd, floor)
    if hyphen:
        figure, num = hyphen
        figure.qualifier, figure.start = _qualifier_before(t, i, lex, floor)
        return _finish(t, figure, num, lex), figure.end
    num = _read_number(t, i, lex, cd, floor)
    if num is None:
        return None, i + 1
    sign, n_sign = lex.sign_before(t, i, floor)
    p = i - n_sign
    qualifier, q_start = _qualifier_before(t, p, lex, floor)
    if qualifier is None:
        figure = _read_range(t, p, num, sign, lex, cd, floor)
        if figure:
            return _finish(t, figure, num, lex), figure.end
    if sign is None:
        figure = _read_bare_range(t, num, lex, cd, floor)
        if figure:
            figure.start, figure.qualifier = q_start, qualifier
            return _finish(t, figure, num, lex), figure.end
    suffix = _read_suffix(t, num, lex, cd, floor)
    if suffix is _BLOCKED:
        return None, num.end
    if sign and (suffix is None or suffix.kind != "money"):
        suffix = _Suffix("money", None, candidates=sign, end=num.end)  # `US$200.000`, `$28.000 millones`
    elif sign and suffix is not None:
        both = tuple(c for c in suffix.candidates if c in sign)
        suffix.candidates = both or suffix.candidates  # `$500 dólares` -> the word decides
    if suffix is None:
        suffix = _cleft_count(t, num, p, lex)
    if suffix is None:
        if num.year_like or _not_a_figure_here(t, num, p, "count", lex, floor):
            return None, num.end
        bare = _Figure(
            start=q_start, end=num.end, kind=_BARE, value=num.value, value_high=None, unit=None,
            candidates=(), minor=False, extra_minor=None, obj=None, qualifier=qualifier,
            scale=num.scale if num.scale_tok == num.end - 1 else None, number_start=i,
        )
        return bare, num.end
    if qualifier is None and _not_a_figure_here(t, num, p, suffix.kind, lex, floor):
        return None, num.end
    figure = _Figure(
        start=q_start, end=suffix.end, kind=suffix.kind, value=num.value, value_high=None,
        unit=suffix.unit, candidates=suffix.candidates, minor=suffix.minor,
        extra_minor=suffix.extra_minor, obj=suffix.obj, qualifier=qualifier,
        scale=num.scale if num.scale_tok == num.end - 1 else None,
    )
    return _finish(t, figure, num, lex), figure.end


def _finish(t: _Tokens, f: _Figure, num: _Number, lex: _Lex) -> _Figure:
    """Qualifiers that depend on the whole figure: `o menos` after it, `hasta el` as an
    endpoint, collective numerals as approximations; and a redundant scale on a count."""
    if f.qualifier is None:
        f.qualifier, f.end = _qualifier_after(t, f.end)
    elif f.qualifier == "up_to" and _endpoint_not_limit(t, f.start, num.start, lex):
        f.qualifier = None
    if f.qualifier is None and num.scale_tok is not None and t.low[num.scale_tok] in lex.g.approximate_scales:
        f.qualifier = "approx"  # `una treintena de personas`: about thirty
    if f.kind == "count" and num.scale is not None and num.scale >= 10**6 and num.scale_tok == num.end - 1:
        # `35.734.649 millones de colombianos`: digits that already spell out millions, then
        # `millones`, restate the unit rather than multiply (a count of people or things
        # written to the unit is never then scaled by a million). Money keeps its scale:
        # `$35.734.649 millones` is a normal way to write a Colombian budget.
        head = t.text[num.start]
        if num.scale_tok == num.start + 1 and head.count(".") + head.count(",") >= 2:
            f.value = f.value / num.scale
    return f


# `Son 20 las principales reformas`, `han sido 15 los establecimientos`: the counted noun comes
# after an article when the number is the predicate of a copula.
_COPULAS = frozenset({"son", "fueron", "serán", "seran", "eran", "sido", "sean", "fuesen", "fueran"})


def _cleft_count(t: _Tokens, num: _Number, p: int, lex: _Lex) -> _Suffix | None:
    if p == 0 or not t.joined(p) or t.low[p - 1] not in _COPULAS:
        return None
    j = num.end
    if not (t.joined(j) and t.low[j] in ("los", "las")):
        return None
    noun = _counted_noun(t, j + 1, lex)
    if noun is None:
        return None
    return _Suffix("count", None, obj=noun[0], end=noun[1])


def _read_hyphen_range(t: _Tokens, i: int, lex: _Lex, cd: bool, floor: int) -> tuple[_Figure, _Number] | None:
    """`70-80 %`, `40-45%`, `1-100 micrómetros`: digits joined by a hyphen are a range only when
    a percent sign or a unit follows; without one they are a model number or a score (`787-9`,
    `1-0`), which `_digits_ok` refuses."""
    h = i + 1
    if t.kind[i] != "num" or h + 1 >= t.n:
        return None
    if t.text[h] not in "-‐–" or not (t.attached[h] and t.attached[h + 1]) or t.kind[h + 1] != "num":
        return None
    if i > 0 and t.attached[i] and (t.kind[i - 1] != "sym" or t.text[i - 1] in "-‐–/:"):
        return None  # `COVID-19-20`, `1-2-3`
    if h + 2 < t.n and t.attached[h + 2] and t.text[h + 2] in "-‐–/":
        return None  # `1-2-3`, `10-15/20`
    low, high = numeral_value(t.text[i], comma_decimal=cd), numeral_value(t.text[h + 1], comma_decimal=cd)
    if low is None or high is None:
        return None
    num1 = _Number(value=low, start=i, end=i + 1, scale=None, scale_tok=None, year_like=False)
    num2 = _Number(value=high, start=h + 1, end=h + 2, scale=None, scale_tok=None, year_like=False)
    suffix = _read_suffix(t, num2, lex, cd, floor, allow_count=False)
    if suffix is None or suffix is _BLOCKED or suffix.kind not in ("percent", "quantity"):
        return None
    if suffix.unit == "pp" and t.low[h + 2] in _BARE_POINTS:
        return None  # `3-1 puntos` is a score
    if suffix.end < t.n and t.attached[suffix.end] and t.text[suffix.end] in "-‐–/":
        return None  # `5-100 m-`: a symbol glued to more text is not a unit
    if not low < high:
        return None
    figure = _Figure(
        start=i, end=suffix.end, kind=suffix.kind, value=low, value_high=high, unit=suffix.unit,
        candidates=(), minor=False, extra_minor=None, obj=suffix.obj, qualifier=None,
    )
    return figure, num1


# --- context: numbers that take their unit from a neighbour ----------------------------------
#
# Spanish writes a unit once for several numbers: `pasando de 45 a 35 %`, `por encima del 3,4 ó
# 3,5, llegando al 3,6 %`, a budget list `... 4 mil 315 millones, ... 4 mil 60 millones; ...`
# after `13 mil 200 millones de euros`. A bare number takes its neighbour's unit only in these
# shapes; any other bare number stays out (`en 2020`, `la 99.9`, `hasta 140.` are not figures).

_TRANSITION_FROM = ("de", "del")
_TRANSITION_TO = ("a", "al")
_RATE_ARTICLES = frozenset({"el", "del", "al"})
_RATE_REACH = 6           # tokens between a bare rate and the percentage that gives its unit
_LIST_REACH = 80          # tokens back to the money figure a bare budget line borrows from
_LIST_FOLLOWERS = frozenset({"a", "al", "para", "en", "y", "e", "que", "con", "del", "mientras"})
_UNITS_TO_SHARE = ("percent", "quantity", "money")
_SENTENCE_ENDS = frozenset(".!?;")


def _borrow_units(t: _Tokens, figures: list[_Figure], bare: list[_Figure]) -> list[_Figure]:
    """`figures` plus the bare numbers that borrow a unit from one of them, sorted by start."""
    taken = set()
    for f in figures:
        taken.update(range(f.start, f.end))
    bare = _bare_alternatives([b for b in bare if not taken.intersection(range(b.start, b.end))], t)
    by_start = {f.start: f for f in figures}
    by_end = {f.end: f for f in figures}
    abbreviations = _abbreviations(t, figures)
    found = []
    for b in bare:
        defined = abbreviations.get(t.text[b.end]) if b.scale is None and t.joined(b.end) else None
        if defined is not None:
            b.value, b.end = b.value * defined.scale, b.end + 1  # `150 mtm`
        source = defined or (_transition_source(t, b, by_start, by_end) or _rate_source(t, b, by_start)
                             or _list_source(t, b, figures))
        if source is not None:
            b.kind, b.unit, b.candidates, b.borrowed = source.kind, source.unit, source.candidates, True
            found.append(b)
    return sorted(figures + found, key=lambda f: f.start)


def _abbreviations(t: _Tokens, figures: list[_Figure]) -> dict[str, _Figure]:
    """`150 millones de toneladas métricas (mtm)`: the text defines `mtm` as the scale and unit
    of that figure; a later `150 mtm` is read with them."""
    found = {}
    for f in figures:
        e = f.end
        if (f.scale and f.kind in ("quantity", "money") and e + 2 < t.n and t.text[e] == "("
                and t.kind[e + 1] == "word" and t.text[e + 2] == ")" and t.attached[e + 1] and t.attached[e + 2]):
            found[t.text[e + 1]] = f
    return found


def _bare_alternatives(bare: list[_Figure], t: _Tokens) -> list[_Figure]:
    """`3,4 ó 3,5`: two adjacent bare numbers joined by `o` are one bare range."""
    out: list[_Figure] = []
    for b in bare:
        prev = out[-1] if out else None
        if (prev is not None and prev.value_high is None and b.qualifier is None
                and b.start == prev.end + 1 and t.joined(b.start) and t.low[prev.end] in _BARE_RANGE_WORDS
                and prev.value < b.value):
            prev.value_high, prev.end = b.value, b.end
            continue
        out.append(b)
    return out


def _transition_source(t: _Tokens, b: _Figure, by_start: dict, by_end: dict) -> _Figure | None:
    """`de 45 a 35 %` (the unit after) and `de 4,1 % en 2012 a 5,2 en 2019` (the unit before)."""
    if b.qualifier is not None or b.value_high is not None:
        return None
    before = t.low[b.start - 1] if b.start > 0 and t.joined(b.start) else None
    if before in _TRANSITION_FROM and t.joined(b.end) and t.low[b.end] in _TRANSITION_TO:
        k = b.end + 1
        if k in by_start:
            after = by_start[k]
        elif t.joined(k) and t.low[k] in _ARTICLES:
            after = by_start.get(k + 1)
        else:
            after = None
        if after is not None and after.kind in _UNITS_TO_SHARE and after.value_high is None:
            return after
    if before in _TRANSITION_TO:
        k = b.start - 1  # the `a`
        if k >= 2 and t.low[k - 2] == "en" and t.kind[k - 1] == "num" and _looks_like_year(t.text[k - 1]):
            k -= 2       # `... % en 2012 a 5,2`
        origin = by_end.get(k)
        if (origin is not None and origin.kind in _UNITS_TO_SHARE and origin.value_high is None
                and origin.start > 0 and t.low[origin.start - 1] in _TRANSITION_FROM):
            return origin
    return None


def _looks_like_year(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1000 <= int(raw) <= 2100


def _rate_source(t: _Tokens, b: _Figure, by_start: dict) -> _Figure | None:
    """`por encima del 3,4 ó 3,5, llegando al 3,6 %`: a bare number after `el`/`del`/`al` is a
    rate when a percentage follows in the same clause with no other number between."""
    if b.number_start == 0 or t.low[b.number_start - 1] not in _RATE_ARTICLES:
        return None
    if b.value > 100:
        return None
    for k in range(b.end, min(b.end + _RATE_REACH, t.n)):
        if t.broken[k] or (t.kind[k] == "sym" and t.text[k] in _SENTENCE_ENDS):
            return None
        f = by_start.get(k)
        if f is not None:
            return f if f.kind == "percent" else None
        if t.kind[k] == "num":
            return None
    return None


def _list_source(t: _Tokens, b: _Figure, figures: list[_Figure]) -> _Figure | None:
    """`... por 13 mil 200 millones de euros. En la modernización será de 4 mil 315 millones,`:
    a bare number ending in `millones` (or a larger scale) takes the currency of the money
    figure before it in the same paragraph. Figures in parentheses are conversions
    (`8 mil millones de euros (más de 191 mil millones de pesos)`) and are skipped."""
    if b.scale is None or b.scale < 10**6 or b.value_high is not None:
        return None
    e = b.end
    if t.joined(e) and not (t.kind[e] == "sym" or t.low[e] in _LIST_FOLLOWERS):
        return None
    for f in reversed(figures):
        if f.end > b.start:
            continue
        if b.start - f.end > _LIST_REACH or any(t.broken[k] for k in range(f.end, b.start + 1)):
            return None
        if f.kind == "money" and not _in_parentheses(t, f.start):
            return f
    return None


def _in_parentheses(t: _Tokens, k: int) -> bool:
    depth = 0
    for j in range(k - 1, -1, -1):
        if t.broken[j + 1]:
            return False
        if t.text[j] == ")":
            depth += 1
        elif t.text[j] == "(":
            if depth == 0:
                return True
            depth -= 1
    return False


_CHANGE_REACH = 16  # tokens back from bare points to a word of change in the same sentence


def _settle_points(t: _Tokens, figures: list[_Figure], lex: _Lex) -> list[_Figure]:
    """Bare `puntos` figures as percentage points, counted items, or dropped (see _BARE_POINTS)."""
    out = []
    for f in figures:
        if f.unit != "pp" or t.low[f.end - 1] not in _BARE_POINTS:
            out.append(f)
            continue
        lo, hi = _sentence(t, f.start)
        e = f.end
        if t.joined(e) and t.kind[e] == "word" and t.text[e][0].islower() and t.low[e] not in lex.not_nouns:
            f.kind, f.unit, f.obj = "count", None, t.low[e - 1]  # `dos puntos clave`: items
            out.append(f)
        elif any(o is not f and lo <= o.start < hi and (o.kind == "percent" or o.unit == "pp") for o in figures):
            out.append(f)
        elif not any(lex.is_change_word(t, k) for k in range(max(lo, f.start - _CHANGE_REACH), f.start)):
            f.kind, f.unit, f.obj = "count", None, t.low[f.end - 1]
            out.append(f)
    return out


def _sentence(t: _Tokens, k: int) -> tuple[int, int]:
    """Token bounds of the sentence around token k (a line break also ends one)."""
    lo = k
    while lo > 0 and not t.broken[lo] and not (t.kind[lo - 1] == "sym" and t.text[lo - 1] in _SENTENCE_ENDS):
        lo -= 1
    hi = k
    while hi < t.n and not (hi > k and t.broken[hi]) and not (t.kind[hi] == "sym" and t.text[hi] in _SENTENCE_ENDS):
        hi += 1
    return lo, hi


# --- currency resolution ----------------------------------------------------------------------


class _Evidence:
    """What the whole text says about which currency an ambiguous `$` or `pesos` means."""

    def __init__(self, text: str, figures: list[_Figure], g: FigureGrammar) -> None:
        self.text = text
        self.g = g
        self.exact: Counter[str] = Counter()
        self.family: Counter[tuple[str, ...]] = Counter()
        for f in figures:
            if f.kind != "money" or not f.candidates:
                continue
            if len(f.candidates) == 1:
                self.exact[f.candidates[0]] += 1
            else:
                self.family[f.candidates] += 1
        self._folded: str | None = None

    def stem_hits(self, code: str) -> int:
        pattern = self.g.demonym_stems.get(code)
        if pattern is None:
            return 0
        if self._folded is None:
            self._folded = _fold(self.text)
        return sum(1 for _ in pattern.finditer(self._folded))

    def resolve(self, candidates: tuple[str, ...], country: str | None) -> str:
        """Currencies written elsewhere in the text (a `pesos` elsewhere votes for every peso),
        then the country hint (the outlet's country), then country words (`México`,
        `colombiano`), then the file's first row. The text's own words come first: measured on
        the gold set, a Mexican paper's `16 centavos` of a US company's share is USD, and an
        Argentine-owned site's `$2.3 billones` in a story on Colombia is COP."""
        votes = {c: self.exact[c] for c in candidates}
        for family, n in self.family.items():
            if family != candidates and set(family) <= set(candidates):
                for c in family:
                    votes[c] += n
        best = max(votes.values())
        pool = [c for c in candidates if votes[c] == best]
        if country and len(pool) > 1:
            pool = [c for c in pool if c[:2] == country] or pool
        if len(pool) > 1:
            hits = {c: self.stem_hits(c) for c in pool}
            top = max(hits.values())
            if top:
                pool = [c for c in pool if hits[c] == top]
        return pool[0]


def _to_amount(text: str, t: _Tokens, f: _Figure, evidence: _Evidence, country: str | None) -> Amount | None:
    unit, inferred = f.unit, False
    value, high = f.value, f.value_high
    if f.kind == "money":
        if not f.candidates:
            return None
        unit = f.candidates[0] if len(f.candidates) == 1 else evidence.resolve(f.candidates, country)
        inferred = len(f.candidates) > 1 or f.borrowed
        # A currency without subunits in ISO (CLP) still had centavos; count them in hundredths.
        minor = Decimal(10) ** (evidence.g.currencies[unit].minor_unit or 2)
        if f.minor:
            value = value / minor
            high = high / minor if high is not None else None
        if f.extra_minor is not None:
            value += f.extra_minor / minor
    else:
        inferred = f.borrowed
    start, end = t.start[f.start], t.end[f.end - 1]
    return Amount(
        start=start,
        end=end,
        text=text[start:end],
        kind=f.kind,
        value=tidy(value),
        unit=unit,
        object=f.obj,
        qualifier=f.qualifier,
        value_high=tidy(high) if high is not None else None,
        unit_inferred=inferred,
    )


def _decimal_places(value: Decimal) -> int:
    return max(0, -int(value.normalize().as_tuple().exponent))


def _too_precise(f: _Figure) -> bool:
    allowed = {"count": 0, "money": 2}.get(f.kind)
    if allowed is None or f.minor:
        return False
    return any(_decimal_places(v) > allowed for v in (f.value, f.value_high) if v is not None)


def extract_amounts(text: str, *, country: str | None = None) -> list[Amount]:
    """Figures in `text`, sorted by start, non-overlapping.

    `country` is an optional ISO-3166 alpha-2 hint of the article's origin, used to resolve an
    ambiguous `$` or `pesos` (MX -> MXN, CO -> COP); without it the text's own evidence decides.
    """
    g = load_figure_grammar()
    lex = _lex(g)
    t = _Tokens(text)
    cd = comma_is_decimal(text)
    starters = g.number_words
    figures: list[_Figure] = []
    bare: list[_Figure] = []
    floor = 0
    k = 0
    while k < t.n:
        if t.kind[k] == "num" or t.low[k] in starters or t.low[k] == "mil":
            figure, resume = _read_figure(t, k, lex, cd, floor)
            if figure and cd and _too_precise(figure):
                # `25,001 dólares`, `1,500 personas` in a text that writes decimal commas: money
                # has at most cents and a count is whole, so the comma groups thousands here.
                figure, resume = _read_figure(t, k, lex, False, floor)
            if figure and figure.kind == _BARE:
                bare.append(figure)
            elif figure:
                figures.append(figure)
                floor = figure.end
            k = max(resume, k + 1)
        else:
            k += 1
    figures = _borrow_units(t, figures, bare)
    figures = _settle_points(t, figures, lex)
    evidence = _Evidence(text, figures, g)
    country = country.upper() if country else None
    amounts = (_to_amount(text, t, f, evidence, country) for f in figures)
    return [a for a in amounts if a is not None]

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
    scale_words = {r["word"].lower(): int(r["multiplier"]) for r in read_seed("scale_words", seeds_dir)}
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
        self.not_nouns = {w for w, r in g.count_exclusions.items() if r != _ADJECTIVE}
        self.adjectives = {w for w, r in g.count_exclusions.items() if r == _ADJECTIVE}

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


def _object_after(t: _Tokens, e: int, lex: _Lex) -> str | None:
    """`toneladas de wolframio` -> 'wolframio': the word after `de`, when it names a thing."""
    if not (t.joined(e) and t.low[e] == "de" and t.joined(e + 1) and t.kind[e + 1] == "word"):
        return None
    raw, low = t.text[e + 1], t.low[e + 1]
    if not (raw[0].islower() or raw.isupper()) or low in lex.not_nouns or low in lex.g.number_words:
        return None
    return low


def _counted_noun(t: _Tokens, j: int, lex: _Lex) -> tuple[str, int] | None:
    """`15 aviones` -> ('aviones', end); adjectives in between are skipped (`300 nuevos casos`)."""
    k = j
    while t.joined(k) and t.low[k] in lex.adjectives and k - j < 2:
        k += 1
    if not t.joined(k) or t.kind[k] != "word":
        return None
    raw, low = t.text[k], t.low[k]
    # A counted noun after a number above one is plural, which in Spanish ends in -s; this one
    # test keeps out verbs (`murieron`), prepositions and most adverbs.
    if not raw.isalpha() or not raw[0].islower() or len(low) < 3 or not low.endswith("s"):
        return None
    g = lex.g
    if low in lex.not_nouns or low in g.number_words or low in g.scale_words:
        return None
    return low, k + 1


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
            return _Suffix("percent", "%", end=e)
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
    if allow_count:
        noun = _counted_noun(t, j, lex)
        if noun:
            return _Suffix("count", None, obj=noun[0], end=noun[1])
    return None


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


def _qualifier_before(t: _Tokens, p: int, lex: _Lex, floor: int) -> tuple[str | None, int]:
    """The qualifier ending before token p (optionally followed by an article): (qualifier, start)."""
    q, n = _longest_before(lex.g.qualifiers, lex.ml["qualifiers"], t, p, floor)
    if q:
        return q, p - n  # type: ignore[return-value]
    if p - 1 > floor and t.low[p - 1] in _ARTICLES and t.joined(p):
        q, n = _longest_before(lex.g.qualifiers, lex.ml["qualifiers"], t, p - 1, floor)
        if q:
            return q, p - 1 - n  # type: ignore[return-value]
    return None, p


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


# `70 u 80 por ciento`, `3,4 ó 3,5 %`: a range with no `entre`/`de`; never for counts or money
# (`3 o 4 personas` reads as the larger, `20 o 30 pesos` likewise). `70-80 %` stays unread:
# `_digits_ok` refuses digits glued to a hyphen (`787-9`, `2-1`), a known gap.
_BARE_RANGE_WORDS = ("o", "u", "ó")


def _read_bare_range(t: _Tokens, num1: _Number, lex: _Lex, cd: bool, floor: int) -> _Figure | None:
    first = _read_suffix(t, num1, lex, cd, floor, allow_count=False)
    if first is _BLOCKED:
        return None
    j = first.end if first else num1.end
    if not t.joined(j):
        return None
    if t.low[j] not in _BARE_RANGE_WORDS:
        return None
    num2 = _read_number(t, j + 1, lex, cd, floor) if t.joined(j + 1) else None
    if num2 is None:
        return None
    second = _read_suffix(t, num2, lex, cd, floor)
    if second is None or second is _BLOCKED or second.kind == "count" or second.kind == "money":
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
    """The figure whose number starts at token i, and the token to resume scanning from."""
    num = _read_number(t, i, lex, cd, floor)
    if num is None:
        return None, i + 1
    sign, n_sign = lex.sign_before(t, i, floor)
    p = i - n_sign
    qualifier, q_start = _qualifier_before(t, p, lex, floor)
    if qualifier is None:
        figure = _read_range(t, p, num, sign, lex, cd, floor)
        if figure:
            return figure, figure.end
    if sign is None:
        figure = _read_bare_range(t, num, lex, cd, floor)
        if figure:
            figure.start, figure.qualifier = q_start, qualifier
            return figure, figure.end
    suffix = _read_suffix(t, num, lex, cd, floor)
    if suffix is _BLOCKED:
        return None, num.end
    if sign and (suffix is None or suffix.kind != "money"):
        suffix = _Suffix("money", None, candidates=sign, end=num.end)  # `US$200.000`, `$28.000 millones`
    elif sign and suffix is not None:
        both = tuple(c for c in suffix.candidates if c in sign)
        suffix.candidates = both or suffix.candidates  # `$500 dólares` -> the word decides
    if suffix is None:
        return None, num.end  # a bare number: nothing says what it measures
    if qualifier is None and _not_a_figure_here(t, num, p, suffix.kind, lex, floor):
        return None, num.end
    figure = _Figure(
        start=q_start, end=suffix.end, kind=suffix.kind, value=num.value, value_high=None,
        unit=suffix.unit, candidates=suffix.candidates, minor=suffix.minor,
        extra_minor=suffix.extra_minor, obj=suffix.obj, qualifier=qualifier,
    )
    return figure, figure.end


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
        inferred = len(f.candidates) > 1
        # A currency without subunits in ISO (CLP) still had centavos; count them in hundredths.
        minor = Decimal(10) ** (evidence.g.currencies[unit].minor_unit or 2)
        if f.minor:
            value = value / minor
            high = high / minor if high is not None else None
        if f.extra_minor is not None:
            value += f.extra_minor / minor
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
    floor = 0
    k = 0
    while k < t.n:
        if t.kind[k] == "num" or t.low[k] in starters or t.low[k] == "mil":
            figure, resume = _read_figure(t, k, lex, cd, floor)
            if figure and cd and _too_precise(figure):
                # `25,001 dólares`, `1,500 personas` in a text that writes decimal commas: money
                # has at most cents and a count is whole, so the comma groups thousands here.
                figure, resume = _read_figure(t, k, lex, False, floor)
            if figure:
                figures.append(figure)
                floor = figure.end
            k = max(resume, k + 1)
        else:
            k += 1
    evidence = _Evidence(text, figures, g)
    country = country.upper() if country else None
    amounts = (_to_amount(text, t, f, evidence, country) for f in figures)
    return [a for a in amounts if a is not None]

"""Numbers as Spanish writes them, in digits, words or both: `30.000`, `mil 200 millones`,
`322 mil 400`, `un millón y medio`, `tres coma dos`, `dos quintos`, `7 1/2`, `¾`.

A digit string's value comes from `digits.py`; this module decides where a number starts and
ends, and refuses digits that are not a figure (model numbers, scores, times, ordinals, phones).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from warehouse.extraction.amounts.digits import numeral_value
from warehouse.extraction.amounts.tokens import Tokens
from warehouse.extraction.amounts.vocabulary import BARE_POINTS, MINOR_UNIT_WORDS, VULGAR_FRACTIONS, Lexicon


@dataclass
class Number:
    value: Decimal
    start: int              # first token
    end: int                # token after the last
    scale: int | None       # multiplier of the last scale word, if any
    scale_tok: int | None   # that scale word's token
    year_like: bool         # one plain four-digit token, 1000-2100: a year unless a unit follows
    fraction: bool = False  # `dos quintos`, `3/4`, `7 1/2`: only a unit, currency or percentage may follow
    noun_like: bool = False # ends in a noun (`millones`, `cuartos`): `de` may stand before the unit


def _word_class(v: Decimal) -> str:
    if v == 0:
        return "zero"
    if v >= 100:
        return "hundred"
    if v >= 30:
        return "tens"
    if v >= 10:
        return "teen"
    return "unit" if v >= 1 else "half"


def _digits_ok(t: Tokens, k: int, lex: Lexicon, floor: int) -> bool:
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
                or low in MINOR_UNIT_WORDS
            )
    return True


def read_small(t: Tokens, k: int, lex: Lexicon, cd: bool, floor: int) -> tuple[Decimal, int, str] | None:
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


_MILLION = 10**6
# A fraction in digits has a small denominator: `24/7`, `5/2020`, `9/11` are not fractions.
_MAX_DENOMINATOR = 100
# Decimals are kept to the warehouse's six places: `1/3` is 0.333333.
_SIX_PLACES = Decimal("0.000001")


def _ratio(numerator: Decimal | int, denominator: int) -> Decimal:
    return (Decimal(numerator) / Decimal(denominator)).quantize(_SIX_PLACES)


def _digit_fraction(t: Tokens, k: int) -> tuple[Decimal, int] | None:
    """`3/4`, `1/3` or `½` at token k: (value, next token)."""
    if k >= t.n:
        return None
    if t.text[k] in VULGAR_FRACTIONS:
        n, d = VULGAR_FRACTIONS[t.text[k]]
        return _ratio(n, d), k + 1
    if k + 2 >= t.n or t.kind[k] != "num" or t.text[k + 1] != "/" or t.kind[k + 2] != "num":
        return None
    if not (t.attached[k + 1] and t.attached[k + 2] and t.text[k].isdigit() and t.text[k + 2].isdigit()):
        return None
    n, d = int(t.text[k]), int(t.text[k + 2])
    if not 1 <= n < d <= _MAX_DENOMINATOR:
        return None
    e = k + 3
    if e < t.n and t.attached[e] and (t.kind[e] == "num" or t.text[e] in "/-‐–"):
        return None  # `1/3/2020`
    if k > 0 and t.attached[k] and t.kind[k - 1] != "sym":
        return None  # `Ley5/20`
    return _ratio(n, d), e


def _read_digit_fraction(t: Tokens, i: int) -> Number | None:
    """`3/4`, `1/3`, `½`, and a whole number before one: `7 1/2`, `7½`."""
    frac = _digit_fraction(t, i)
    if frac is None and t.kind[i] == "num" and t.text[i].isdigit() and i + 1 < t.n and not t.broken[i + 1]:
        nxt = i + 1
        if t.attached[nxt] and t.text[nxt] in VULGAR_FRACTIONS or not t.attached[nxt] and t.kind[nxt] == "num":
            part = _digit_fraction(t, nxt)
            if part is not None:
                frac = Decimal(t.text[i]) + part[0], part[1]
    if frac is None:
        return None
    return Number(value=frac[0], start=i, end=frac[1], scale=None, scale_tok=None, year_like=False,
                  fraction=True, noun_like=True)


def _spelled_decimal(t: Tokens, k: int, lex: Lexicon, cd: bool, floor: int) -> tuple[Decimal, int] | None:
    """`coma dos`, `coma cero cinco`, `con veinte` after a number in words: (fraction, next token).

    `coma` always marks decimals; `con` and `punto` do only before a unit or a percentage
    (`ocho con veinte por ciento`), since `30 euros con 25` and `punto y medio` mean other things.
    """
    mark = t.low[k]
    if mark not in ("coma", "con", "punto") or not t.joined(k + 1):
        return None
    digits, j = "", k + 1
    while t.joined(j) and t.kind[j] == "word" and t.low[j] in lex.g.number_words:
        small = read_small(t, j, lex, cd, floor)
        if small is None or small[2] == "half" or small[0] >= 1000:
            break
        digits += str(int(small[0]))
        j = small[1]
    if not digits:
        return None
    if mark != "coma" and not (t.joined(j) and lex.unit_at(t, j)[1]):
        return None
    return Decimal("0." + digits), j


def _unit_follows(t: Tokens, k: int, lex: Lexicon) -> bool:
    """A unit of measure or bare `puntos` at token k: `medio kilo`, `medio punto`."""
    return t.joined(k) and (bool(lex.unit_at(t, k)[1]) or t.low[k] in BARE_POINTS)


def _one_of_something(t: Tokens, k: int, lex: Lexicon) -> bool:
    """`un`/`una`/`uno` counts one only before a percentage, points or a subunit: `uno por
    ciento`, `un punto porcentual`, `punto y medio`, `un centavo`. Elsewhere it is an article:
    `una reunión`, and also `un marco legal`, `un peso importante`, `un metro de distancia`."""
    if not t.joined(k):
        return False
    low = t.low[k]
    if low in MINOR_UNIT_WORDS:
        return True
    unit, n = lex.unit_at(t, k)
    if unit is not None:
        # `un kilómetro y medio` is 1.5 km; `un metro` alone is as often the subway as a length.
        and_a_half = t.joined(k + n + 1) and t.low[k + n] == "y" and t.low[k + n + 1] in ("medio", "media")
        return lex.g.units[unit].dimension in ("percent", "percentage_points") or and_a_half
    return low in BARE_POINTS and t.joined(k + 2) and t.low[k + 1] == "y" and t.low[k + 2] in ("medio", "media")


def read_number(t: Tokens, i: int, lex: Lexicon, cd: bool, floor: int) -> Number | None:
    """The number starting at token i: digits, words, or both with scale words.

    Segments are summed, each `small [mil [small]] [big scale]`, with big scales strictly
    decreasing: `mil 200 millones` = (1000 + 200) x 10^6; `322 mil 400` = 322 400;
    `3 millones 500 mil` = 3 500 000; `mil millones` = 10^9; `un millón y medio` = 1 500 000.
    """
    scales = lex.g.scale_words
    low = t.low
    fraction = _read_digit_fraction(t, i)
    if fraction is not None:
        return fraction

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
        small = read_small(t, k, lex, cd, floor) if cont(k) else None
        value, form = (small[0], small[2]) if small else (None, None)
        if small:
            k = small[1]
            if first and form == "digits" and k == i + 1:
                raw = t.text[i]
                year_like = raw.isdigit() and len(raw) == 4 and 1000 <= int(raw) <= 2100
            if form in ("words", "indef") and cont(k):
                decimal = _spelled_decimal(t, k, lex, cd, floor)
                if decimal is not None:
                    value, k, form = value + decimal[0], decimal[1], "words"  # `tres coma dos`
            denominator = lex.g.fraction_words.get(low[k]) if first and form != "half" and cont(k) else None
            if denominator is not None:
                # `dos quintos`, `tres cuartos`: a fraction, which only a unit may follow; of a
                # scale (`un cuarto de millón`) it is a number like any other.
                j = k + 1
                big = scales.get(low[j + 1]) if cont(j + 1) and low[j] == "de" else None
                if big is not None and big >= _MILLION:
                    return Number(value=value * big / denominator, start=i, end=j + 2, scale=big,
                                  scale_tok=j + 1, year_like=False, noun_like=True)
                return Number(value=_ratio(value, denominator), start=i, end=j, scale=None,
                              scale_tok=None, year_like=False, fraction=True, noun_like=True)
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
            after = read_small(t, k, lex, cd, floor) if cont(k) else None
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
            if form == "half" and last_big is None and not _unit_follows(t, k, lex):
                return None  # `medio` counts before a scale or a unit: `medio millón`, `medio punto`
            if form == "indef" and not seg_scaled and not _one_of_something(t, k, lex):
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
    # `20.000.000 de pesetas`: a round number of millions in digits reads as `millones`, with `de`.
    round_millions = k == i + 1 and t.kind[i] == "num" and total >= _MILLION and total % _MILLION == 0
    return Number(value=total, start=i, end=k, scale=scale, scale_tok=scale_tok, year_like=year_like,
                  noun_like=scale is not None or round_millions)

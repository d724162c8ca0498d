"""Rates: a figure over a denominator is not a count of the same things.

`284 casos por 100.000 habitantes`, `9 fallecidos por millón de habitantes`, `30 autos por minuto`,
`0,10 euros por acción`, `250 millones de pesos al año`, `6 intentos cada día`, `6.000 contagios
diarios`. The figure keeps its span and value; the denominator is recorded beside it (`per_value`,
`per_unit`) so that sums can leave rates out. Percentages and points are left alone: a rate of
a rate (`2 % anual`) is still a percentage.

A denominator is, after `por`, `por cada`, `cada` or `a`/`al`/`a la`:
- a number (digits, words, or a scale word alone: `por millón`) and what it counts
  (`100.000 habitantes`, `cada 10 aspirantes`), or a power of ten alone (`por millón.`);
- or, with no number, one of the nouns of `seeds/rate_denominators.csv` (`persona`, `minuto`,
  `acción`), a unit (`por litro`, `por barril`) or a currency (`pesos por dólar`); after `a`/`al`
  only a time word (`al año`, `a la semana`), since `al sector turístico` is not a rate;
- or a time adjective right after the figure (`diarios`, `mensuales`, `anuales`);
- for money, also `el`/`la` + one of those nouns or units ending the phrase (`3 euros el kilo`);
- a slash glued to a number and a unit (`4,8 l/100 km`).

`3 de cada 10` is a proportion, not a figure at all (`counts.rate_after`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from warehouse.extraction.amounts.counts import counted_noun
from warehouse.extraction.amounts.digits import numeral_value
from warehouse.extraction.amounts.numbers import read_number
from warehouse.extraction.amounts.tokens import Tokens
from warehouse.extraction.amounts.vocabulary import Lexicon

# Kinds a denominator is recorded for (a percentage over time is still a percentage).
RATE_KINDS = frozenset({"count", "money", "quantity"})

# `6.000 contagios diarios`: adjectives that make a figure a rate over a time word.
_TIME_ADJECTIVES = {
    "diario": "día", "diaria": "día", "diarios": "día", "diarias": "día",
    "semanal": "semana", "semanales": "semana", "mensual": "mes", "mensuales": "mes",
    "anual": "año", "anuales": "año", "trimestral": "trimestre", "trimestrales": "trimestre",
}


@dataclass(frozen=True)
class Denominator:
    value: Decimal
    unit: str | None    # the noun, unit or currency as written, lowercase: `habitantes`, `minuto`
    end: int            # token after the denominator


def rate_denominator(t: Tokens, e: int, lex: Lexicon, cd: bool, kind: str) -> Denominator | None:
    """The denominator that starts at token e (just after a figure of `kind`), if it is a rate."""
    if t.joined(e + 2) and t.text[e] == "/" and t.attached[e] and t.attached[e + 1] and t.kind[e + 1] == "num":
        value = numeral_value(t.text[e + 1], comma_decimal=cd)  # `4,8 l/100 km`
        unit, n = lex.unit_at(t, e + 2)
        return Denominator(value, " ".join(t.low[e + 2 : e + 2 + n]), e + 2 + n) if value and unit else None
    if not t.joined(e) or t.kind[e] != "word":
        return None
    low = t.low[e]
    if low in _TIME_ADJECTIVES:
        return Denominator(Decimal(1), _TIME_ADJECTIVES[low], e + 1)
    if low == "per" and t.joined(e + 1) and t.low[e + 1] in ("cápita", "capita"):
        return Denominator(Decimal(1), t.low[e + 1], e + 2)  # `12.000 dólares per cápita`
    if low in ("el", "la") and kind == "money":
        return _priced_per(t, e + 1, lex)
    if low in ("al", "a"):
        k = e + 1
        if low == "a" and t.joined(k) and t.low[k] == "la":
            k += 1
        if t.joined(k) and lex.rate_denominators.get(t.low[k]) == "time":
            return Denominator(Decimal(1), t.low[k], k + 1)
        return None
    if low == "por":
        k = e + 1
        if t.joined(k) and t.low[k] == "cada":
            k += 1
    elif low == "cada":
        k = e + 1
    else:
        return None
    return _counted_denominator(t, k, lex, cd) or _single_denominator(t, k, lex, cada=t.low[k - 1] == "cada")


def _priced_per(t: Tokens, k: int, lex: Lexicon) -> Denominator | None:
    """`a 3 euros el kilo`, `40 dólares el barril`, `10 euros la hora`: a price per one thing,
    when nothing qualifies the noun (`5 euros la semana pasada` is a date, not a price)."""
    single = _single_denominator(t, k, lex)
    if single is None:
        return None
    e = single.end
    if t.joined(e) and t.kind[e] == "word" and t.low[e] not in ("y", "e", "o", "u"):
        return None
    return single


def _counted_denominator(t: Tokens, k: int, lex: Lexicon, cd: bool) -> Denominator | None:
    """`100.000 habitantes`, `millón de habitantes`, `cada 10 aspirantes` (a number, then a noun)."""
    if not t.joined(k):
        return None
    scale = lex.g.scale_words.get(t.low[k])
    if scale is not None:
        value, j = Decimal(scale), k + 1          # `por millón de habitantes`, `por mil nacidos`
    else:
        num = read_number(t, k, lex, cd, k)
        if num is None or num.year_like or num.fraction:
            return None
        value, j = num.value, num.end
        if num.noun_like and t.joined(j) and t.low[j] == "de":
            j += 1
    if t.joined(j) and t.low[j] == "de" and scale is not None and t.joined(j + 1):
        j += 1
    unit, n = lex.unit_at(t, j)
    if unit:
        return Denominator(value, " ".join(t.low[j : j + n]), j + n)
    if t.joined(j) and lex.rate_denominators.get(t.low[j]) == "time":
        return Denominator(value, t.low[j], j + 1)  # `cada tres semanas`
    noun = counted_noun(t, j, lex)
    if noun:
        return Denominator(value, noun[0], noun[1])
    word = t.low[j] if t.joined(j) else None
    if word is not None and word in lex.rate_denominators:
        return Denominator(value, word, j + 1)  # `por cada 1 persona`
    if _power_of_ten(value) and not (t.joined(j) and t.kind[j] == "word" and t.low[j] not in lex.not_nouns):
        return Denominator(value, None, j)      # `9 fallecidos por millón.`, `284 casos por 100.000,`
    return None


def _power_of_ten(value: Decimal) -> bool:
    """10, 100, 1.000, 100.000, a million: the denominators a rate is given per, when the noun is
    left out. `ganó por 3` is not a rate."""
    return value >= 10 and value == value.to_integral_value() and str(int(value)).rstrip("0") == "1"


def _single_denominator(t: Tokens, k: int, lex: Lexicon, *, cada: bool = False) -> Denominator | None:
    """`por persona`, `por minuto`, `por litro`, `pesos por dólar`, `cada día`: a listed noun, a
    unit or a currency (`condenado por robo` is not a rate); after `cada`, any noun."""
    if not t.joined(k) or t.kind[k] != "word" or not t.text[k][0].islower():
        return None
    unit, n = lex.unit_at(t, k)
    if unit and lex.g.units[unit].dimension != "percent":
        return Denominator(Decimal(1), " ".join(t.low[k : k + n]), k + n)
    cands, n = lex.currency_at(t, k)
    if cands:
        return Denominator(Decimal(1), " ".join(t.low[k : k + n]), k + n)
    word = t.low[k]
    if word in lex.rate_denominators:
        return Denominator(Decimal(1), word, k + 1)
    if cada and t.text[k].isalpha() and word not in lex.not_nouns and word not in lex.g.number_words:
        return Denominator(Decimal(1), word, k + 1)  # `cada recarga`: `cada` is distributive whatever follows
    return None

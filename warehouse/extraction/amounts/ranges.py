"""Ranges, one figure with two bounds: `entre 10 y 15 millones de euros`, `de 10 a 15 %`,
`70 u 80 por ciento`, `70-80 %`.

A scale or unit written once applies to both bounds; a pair whose first bound is not below the
second is a change or a score, not a range.
"""

from __future__ import annotations

from warehouse.extraction.amounts.digits import numeral_value
from warehouse.extraction.amounts.numbers import Number, read_number
from warehouse.extraction.amounts.records import Figure
from warehouse.extraction.amounts.suffixes import BLOCKED, Suffix, read_suffix
from warehouse.extraction.amounts.tokens import Tokens
from warehouse.extraction.amounts.vocabulary import BARE_POINTS, BARE_RANGE_WORDS, Lexicon


def _same_unit(a: Suffix, b: Suffix) -> bool:
    return a.kind == b.kind and a.unit == b.unit and (a.kind != "money" or bool(set(a.candidates) & set(b.candidates)))


def read_range(
    t: Tokens, p: int, num1: Number, sign1: tuple[str, ...] | None, lex: Lexicon, cd: bool, floor: int
) -> Figure | None:
    """`entre 10 y 15 millones de euros`, `de 10 a 15 %`, `del 10 al 15 %`: one figure, two bounds."""
    k = p - 1
    # `de un 5 a un 8 %`: with an indefinite article the bounds are a range even after a verb of
    # change (`subirán de un 5 a un 8 %`); `pasó del 4 % al 5 %` is a change.
    indefinite = k > floor and t.low[k] in ("un", "una") and t.joined(p)
    if k > floor and t.low[k] in ("los", "las", "el", "un", "una") and t.joined(p):
        k -= 1
    if k < floor or not t.joined(k + 1):
        return None
    opener = t.low[k]
    # `entre el 2 % al 6 %` is not grammatical but is written.
    connectors = {"entre": ("y", "e", "a", "al"), "de": ("a",), "del": ("al",)}.get(opener)
    if not connectors:
        return None
    if opener != "entre" and not indefinite and k > floor and t.joined(k) and lex.is_change_word(t, k - 1):
        return None  # `pasó de 4,1 % a 5,2 %`: a change, two figures (see `context.py`, transitions)
    first = read_suffix(t, num1, lex, cd, floor, allow_count=False)
    if first is BLOCKED:
        return None
    j = first.end if first else num1.end
    if not (t.joined(j) and t.low[j] in connectors):
        return None
    j += 1
    if t.joined(j) and t.low[j] in ("los", "las", "el") and opener == "entre":
        j += 1
    elif indefinite and t.joined(j) and t.low[j] in ("un", "una"):
        j += 1
    sign2, n_sign2 = lex.at("currency_signs", t, j, exact=True)
    j += n_sign2
    if not t.joined(j):
        return None
    num2 = read_number(t, j, lex, cd, floor)
    if num2 is None:
        return None
    second = read_suffix(t, num2, lex, cd, floor)
    if second is BLOCKED:
        return None
    sign = sign1 or sign2
    if second is None and sign is None:
        return None
    if first and not (second and _same_unit(first, second)):
        return None
    if second is None:
        second = Suffix("money", None, candidates=sign, end=num2.end)
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
    return Figure(
        start=k, end=second.end, kind=second.kind, value=low, value_high=high, unit=second.unit,
        candidates=candidates, minor=second.minor, extra_minor=None, obj=second.obj, qualifier=None,
    )


# `(10 a 15 metros)`: `a` joins a bare range only before a unit or percentage written once
# (see `vocabulary.BARE_RANGE_WORDS`).
_BARE_RANGE_TO = "a"


def read_bare_range(t: Tokens, num1: Number, lex: Lexicon, cd: bool, floor: int) -> Figure | None:
    first = read_suffix(t, num1, lex, cd, floor, allow_count=False)
    if first is BLOCKED:
        return None
    j = first.end if first else num1.end
    if not t.joined(j):
        return None
    to = (t.low[j] == _BARE_RANGE_TO and first is None
          and not (num1.start > floor and t.low[num1.start - 1] in ("de", "del")))  # `subió de 10 a 15 %`
    if t.low[j] not in BARE_RANGE_WORDS and not to:
        return None
    num2 = read_number(t, j + 1, lex, cd, floor) if t.joined(j + 1) else None
    if num2 is None:
        return None
    second = read_suffix(t, num2, lex, cd, floor)
    if second is None or second is BLOCKED or second.kind == "count" or second.kind == "money":
        return None
    if to and (second.kind not in ("quantity", "percent") or t.low[second.end - 1] in BARE_POINTS):
        return None
    if first and not _same_unit(first, second):
        return None
    low, high = num1.value, num2.value
    if num1.scale is None and num2.scale is not None and low * num2.scale <= high:
        low *= num2.scale
    if not low < high:
        return None
    return Figure(
        start=num1.start, end=second.end, kind=second.kind, value=low, value_high=high, unit=second.unit,
        candidates=second.candidates, minor=second.minor, extra_minor=None, obj=second.obj, qualifier=None,
    )


def read_hyphen_range(t: Tokens, i: int, lex: Lexicon, cd: bool, floor: int) -> tuple[Figure, Number] | None:
    """`70-80 %`, `40-45%`, `1-100 micrómetros`: digits joined by a hyphen are a range only when
    a percent sign or a unit follows; without one they are a model number or a score (`787-9`,
    `1-0`), which `numbers.py` refuses."""
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
    num1 = Number(value=low, start=i, end=i + 1, scale=None, scale_tok=None, year_like=False)
    num2 = Number(value=high, start=h + 1, end=h + 2, scale=None, scale_tok=None, year_like=False)
    suffix = read_suffix(t, num2, lex, cd, floor, allow_count=False)
    if suffix is None or suffix is BLOCKED or suffix.kind not in ("percent", "quantity"):
        return None
    if suffix.unit == "pp" and t.low[h + 2] in BARE_POINTS:
        return None  # `3-1 puntos` is a score
    if suffix.end < t.n and t.attached[suffix.end] and t.text[suffix.end] in "-‐–/":
        return None  # `5-100 m-`: a symbol glued to more text is not a unit
    if not low < high:
        return None
    figure = Figure(
        start=i, end=suffix.end, kind=suffix.kind, value=low, value_high=high, unit=suffix.unit,
        candidates=(), minor=False, extra_minor=None, obj=suffix.obj, qualifier=None,
    )
    return figure, num1

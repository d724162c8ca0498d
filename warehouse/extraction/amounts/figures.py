"""One figure at a token: a number with its sign, qualifier, range and suffix.

`read_figure` is called by the scan (`scan.py`) at every token that can start a number. A
number with nothing that says what it measures comes back as kind `BARE`: the context rules
(`context.py`) may give it the unit of a neighbour, else it is dropped.
"""

from __future__ import annotations

from decimal import Decimal

from warehouse.extraction.amounts.counts import cleft_counted_noun, object_after
from warehouse.extraction.amounts.numbers import Number, read_number
from warehouse.extraction.amounts.qualifiers import endpoint_not_limit, qualifier_after, qualifier_before
from warehouse.extraction.amounts.rates import RATE_KINDS, rate_denominator
from warehouse.extraction.amounts.ranges import read_bare_range, read_hyphen_range, read_range
from warehouse.extraction.amounts.records import BARE, Figure
from warehouse.extraction.amounts.suffixes import BLOCKED, Suffix, read_suffix
from warehouse.extraction.amounts.tokens import Tokens
from warehouse.extraction.amounts.vocabulary import BARE_POINTS, Lexicon


def _not_a_figure_here(t: Tokens, num: Number, p: int, kind: str, lex: Lexicon, floor: int) -> bool:
    """Identifiers (`artículo 15 ...`) and years (`en 2020 ...`) that happen to precede a noun."""
    if kind in ("count", "quantity") and lex.before("labels", t, p, max(floor, 0))[1]:
        return True
    if kind == "count" and num.year_like and p > 0 and t.joined(p) and t.low[p - 1] in lex.year_context:
        return True
    return False


def read_figure(t: Tokens, i: int, lex: Lexicon, cd: bool, floor: int) -> tuple[Figure | None, int]:
    """The figure whose number starts at token i, and the token to resume scanning from.

    A number with nothing that says what it measures comes back as kind `bare`: the context
    rules (`context.borrow_units`) may give it the unit of a neighbour, else it is dropped.
    """
    if t.low[i] in BARE_POINTS:
        return _point_and_a_half(t, i, lex, floor)
    hyphen = read_hyphen_range(t, i, lex, cd, floor)
    if hyphen:
        figure, num = hyphen
        figure.qualifier, figure.start = qualifier_before(t, i, lex, floor)
        return _resumed(_finish(t, figure, num, lex, cd))
    num = read_number(t, i, lex, cd, floor)
    if num is None:
        return None, i + 1
    sign, n_sign = lex.sign_before(t, i, floor)
    p = i - n_sign
    qualifier, q_start = qualifier_before(t, p, lex, floor)
    if qualifier is None:
        figure = read_range(t, p, num, sign, lex, cd, floor)
        if figure:
            return _resumed(_finish(t, figure, num, lex, cd))
    if sign is None:
        figure = read_bare_range(t, num, lex, cd, floor)
        if figure:
            figure.start, figure.qualifier = q_start, qualifier
            return _resumed(_finish(t, figure, num, lex, cd))
    suffix = read_suffix(t, num, lex, cd, floor)
    if suffix is BLOCKED:
        return None, num.end
    if sign and (suffix is None or suffix.kind != "money"):
        suffix = Suffix("money", None, candidates=sign, end=num.end)  # `US$200.000`, `$28.000 millones`
    elif sign and suffix is not None:
        both = tuple(c for c in suffix.candidates if c in sign)
        suffix.candidates = both or suffix.candidates  # `$500 dólares` -> the word decides
    if suffix is None and not num.fraction:
        noun = cleft_counted_noun(t, num.end, p, lex)
        suffix = Suffix("count", None, obj=noun[0], end=noun[1]) if noun else None
    if num.fraction and (suffix is None or suffix.kind == "count"):
        return None, num.end  # `dos tercios de los votos`, `24/7`: a share or a label, not a figure
    if suffix is not None and suffix.kind == "count" and num.value == 0:
        return None, num.end  # `cero muertes` says there were none: nothing was counted
    if suffix is None:
        if num.year_like or _not_a_figure_here(t, num, p, "count", lex, floor):
            return None, num.end
        bare = Figure(
            start=q_start, end=num.end, kind=BARE, value=num.value, value_high=None, unit=None,
            candidates=(), minor=False, extra_minor=None, obj=None, qualifier=qualifier,
            scale=num.scale if num.scale_tok == num.end - 1 else None, number_start=i,
        )
        return bare, num.end
    if qualifier is None and _not_a_figure_here(t, num, p, suffix.kind, lex, floor):
        return None, num.end
    value = num.value * suffix.multiplier + suffix.plus
    if _minus_before(t, i, n_sign, q_start) and suffix.kind in _SIGNED_KINDS:
        value, q_start = -value, q_start - 1  # `cayó -0,4 por cien`, `-5 °C`
    elif suffix.unit == "°C" and q_start == i and i > 0 and t.low[i - 1] == "menos" and t.joined(i) and value > 0:
        value, q_start = -value, i - 1        # `marcó menos dos grados`
    figure = Figure(
        start=q_start, end=suffix.end, kind=suffix.kind, value=value, value_high=None,
        unit=suffix.unit, candidates=suffix.candidates, minor=suffix.minor,
        extra_minor=suffix.extra_minor, obj=suffix.obj, qualifier=qualifier,
        scale=num.scale if num.scale_tok == num.end - 1 else None,
    )
    return _resumed(_finish(t, figure, num, lex, cd))


# A change, a result or a temperature can be below zero; a count cannot.
_SIGNED_KINDS = ("percent", "quantity", "money")
_MINUS = frozenset("-−–")


def _minus_before(t: Tokens, i: int, n_sign: int, q_start: int) -> bool:
    """A minus sign glued to the number and to nothing before it but a bracket: `-0,4 %`, `(-3 °C)`,
    `un resultado de -120 millones de euros`. At the start of a line it is a list dash."""
    k = i - 1
    return (n_sign == 0 and q_start == i and k >= 1 and t.text[k] in _MINUS and t.attached[i]
            and not t.broken[i] and not t.broken[k] and (not t.attached[k] or t.text[k - 1] in "(["))


def _resumed(f: Figure) -> tuple[Figure, int]:
    return f, max(f.end, f.resume)


def _finish(t: Tokens, f: Figure, num: Number, lex: Lexicon, cd: bool) -> Figure:
    """Qualifiers that depend on the whole figure: `o menos` after it, `hasta el` as an
    endpoint, collective numerals as approximations; a redundant scale on a count; and the
    denominator of a rate, read past the object (`toneladas de wolframio al año`)."""
    if f.qualifier is None:
        f.qualifier, f.end = qualifier_after(t, f.end)
    elif f.qualifier == "up_to" and endpoint_not_limit(t, f.start, num.start, lex):
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
    if f.kind in RATE_KINDS and f.unit != "pp":
        after = f.end + (1 + len(f.obj.split()) if f.obj and f.kind != "count" else 0)
        denominator = rate_denominator(t, after, lex, cd, f.kind)
        if denominator is None and f.kind == "count" and (what := object_after(t, f.end, lex)):
            # `ocho vasos de agua al día`, `58 muertes de gripe cada millón de habitantes`
            denominator = rate_denominator(t, f.end + 1 + len(what.split()), lex, cd, f.kind)
        if denominator is not None:
            f.per_value, f.per_unit, f.resume = denominator.value, denominator.unit, denominator.end
    return f


def _point_and_a_half(t: Tokens, i: int, lex: Lexicon, floor: int) -> tuple[Figure | None, int]:
    """`punto y medio`: one and a half points, with no number written (`settle_points` decides
    what the points are, as for `dos puntos`)."""
    if not (t.joined(i + 2) and t.low[i + 1] == "y" and t.low[i + 2] in ("medio", "media")):
        return None, i + 1
    qualifier, q_start = qualifier_before(t, i, lex, floor)
    figure = Figure(start=q_start, end=i + 3, kind="quantity", value=Decimal("1.5"), value_high=None, unit="pp",
                    candidates=(), minor=False, extra_minor=None, obj=None, qualifier=qualifier)
    return figure, i + 3

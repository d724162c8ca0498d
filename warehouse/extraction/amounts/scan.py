"""`extract_amounts`: the scan over a text, then the context rules, then currencies resolved."""

from __future__ import annotations

import re
from decimal import Decimal

from warehouse.extraction.amounts.context import borrow_units, mark_restatements, settle_points
from warehouse.extraction.amounts.currencies import CurrencyEvidence
from warehouse.extraction.amounts.digits import comma_is_decimal, tidy
from warehouse.extraction.amounts.figures import read_figure
from warehouse.extraction.amounts.records import BARE, Amount, Figure
from warehouse.extraction.amounts.tokens import Tokens
from warehouse.extraction.amounts.vocabulary import lexicon_for, load_figure_grammar


_AMBIGUOUS_COMMA = re.compile(r"\d,\d{3}(?!\d)")


def _to_amount(text: str, t: Tokens, f: Figure, evidence: CurrencyEvidence, country: str | None) -> Amount | None:
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
        per_value=tidy(f.per_value) if f.per_value is not None else None,
        per_unit=f.per_unit,
        restates=f.restates,
    )


def _decimal_places(value: Decimal) -> int:
    return max(0, -int(value.normalize().as_tuple().exponent))


def _too_precise(f: Figure) -> bool:
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
    lex = lexicon_for(g)
    t = Tokens(text, lex.may_hold_figures)
    # The convention only decides `d,ddd` (digits.py, rule 6): a text without one needs no count.
    cd = comma_is_decimal(text) if _AMBIGUOUS_COMMA.search(text) else False
    starters = lex.starters
    figures: list[Figure] = []
    bare: list[Figure] = []
    floor = 0
    resume = 0
    for k in [k for k, (kind, low) in enumerate(zip(t.kind, t.low)) if kind == "num" or low in starters]:
        if k < resume:
            continue
        figure, resume = read_figure(t, k, lex, cd, floor)
        if figure and cd and _too_precise(figure):
            # `25,001 dólares`, `1,500 personas` in a text that writes decimal commas: money
            # has at most cents and a count is whole, so the comma groups thousands here.
            figure, resume = read_figure(t, k, lex, False, floor)
        if figure and figure.kind == BARE:
            bare.append(figure)
        elif figure:
            figures.append(figure)
            floor = resume  # past a rate's denominator too: `por 100.000 habitantes` is not a count
        resume = max(resume, k + 1)
    figures = borrow_units(t, figures, bare)
    figures = mark_restatements(t, settle_points(t, figures, lex))
    evidence = CurrencyEvidence(text, figures, g)
    country = country.upper() if country else None
    amounts = (_to_amount(text, t, f, evidence, country) for f in figures)
    return [a for a in amounts if a is not None]

"""What follows a number and says what it measures: a unit, a currency, a subunit, points, or a
counted noun (`counts.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from warehouse.extraction.amounts.counts import counted_noun, object_after, rate_after
from warehouse.extraction.amounts.numbers import Number, read_small
from warehouse.extraction.amounts.tokens import Tokens, longest
from warehouse.extraction.amounts.vocabulary import BARE_POINTS, MINOR_UNIT_WORDS, Lexicon


@dataclass
class Suffix:
    kind: str
    unit: str | None
    candidates: tuple[str, ...] = ()  # money: possible currencies, best guess first
    minor: bool = False               # money: the number counts centavos/céntimos
    extra_minor: Decimal | None = None  # money: `15 dólares y 50 centavos` -> 50
    obj: str | None = None
    end: int = 0


BLOCKED = Suffix(kind="blocked", unit=None)


def _minor_part(t: Tokens, e: int, lex: Lexicon, cd: bool, floor: int) -> tuple[Decimal, int] | None:
    """`y 50 centavos` after a currency word: (50, end)."""
    if not (t.joined(e) and t.low[e] in ("y", "con") and t.joined(e + 1)):
        return None
    small = read_small(t, e + 1, lex, cd, floor)
    if not small or not t.joined(small[1]) or t.low[small[1]] not in MINOR_UNIT_WORDS:
        return None
    return small[0], small[1] + 1


def read_suffix(t: Tokens, num: Number, lex: Lexicon, cd: bool, floor: int, *, allow_count: bool = True) -> Suffix | None:
    g = lex.g
    if num.scale_tok is not None and (t.low[num.scale_tok],) in g.currency_words:
        # `571 mdd`: one word is both the scale and the currency.
        return Suffix("money", None, candidates=g.currency_words[(t.low[num.scale_tok],)], end=num.end)
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
    if longest(g.blocked_phrases, lex.ml["blocked_phrases"], t, j, exact=False)[1]:
        return BLOCKED
    unit, n_unit = lex.unit_at(t, j)
    cands, n_cur = lex.currency_at(t, j)
    if unit and n_unit >= n_cur:
        e = j + n_unit
        dimension = g.units[unit].dimension
        if dimension == "percent":
            return Suffix("percent", "%", obj=object_after(t, e, lex, article=True), end=e)
        return Suffix("quantity", unit, obj=object_after(t, e, lex), end=e)
    if cands:
        e = j + n_cur
        suffix = Suffix("money", None, candidates=cands, end=e)
        minor = _minor_part(t, e, lex, cd, floor)
        if minor:
            suffix.extra_minor, suffix.end = minor
        return suffix
    if t.low[j] in MINOR_UNIT_WORDS:
        e = j + 1
        cands = g.currency_signs.get((MINOR_UNIT_WORDS[t.low[j]],), ())
        if t.joined(e) and t.low[e] == "de":
            named, n_named = lex.currency_at(t, e + 1)
            if named:
                cands, e = named, e + 1 + n_named  # `50 centavos de dólar`
        return Suffix("money", None, candidates=cands, minor=True, end=e)
    if t.low[j] in BARE_POINTS:
        # Percentage points, items or a change of an index: decided by the sentence in
        # `context.settle_points`, once every percentage of the text is known.
        return Suffix("quantity", "pp", end=j + 1)
    if allow_count:
        noun = counted_noun(t, j, lex)
        if noun and not rate_after(t, noun[1]):
            return Suffix("count", None, obj=noun[0], end=noun[1])
    return None

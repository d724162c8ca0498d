"""What follows a number and says what it measures: a unit, a currency, a subunit, points, or a
counted noun (`counts.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from warehouse.extraction.amounts.counts import counted_noun, object_after, rate_after
from warehouse.extraction.amounts.numbers import Number, read_small
from warehouse.extraction.amounts.tokens import Tokens
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
    multiplier: Decimal = Decimal(1)  # a scale after a code (`60 USD millones`); `tres décimas` = 0.3 pp
    plus: Decimal = Decimal(0)        # `dos puntos y medio`, `tres kilos y medio`


BLOCKED = Suffix(kind="blocked", unit=None)
# `tres décimas`, `dos centésimas`: parts of a percentage point, as Spanish economic news writes them.
_TENTHS_OF_A_POINT = {"décima": Decimal("0.1"), "décimas": Decimal("0.1"), "decima": Decimal("0.1"),
                      "decimas": Decimal("0.1"), "centésima": Decimal("0.01"), "centésimas": Decimal("0.01"),
                      "centesimas": Decimal("0.01")}
_MILLION_LETTERS = frozenset({"M", "MM"})
_DEGREES = frozenset({"grado", "grados", "º", "°"})
# Words that make bare `grados` a temperature when they are in the sentence.
_TEMPERATURE_CUES = ("temperatur", "termómetr", "termometr", "calor", "frío", "frio", "máxima", "mínima",
                     "maxima", "minima", "fiebre", "helada", "bochorno", "canícula", "canicula", "ola de")
_TEMPERATURE_REACH = 15


def _about_temperature(t: Tokens, start: int, j: int) -> bool:
    """The sentence around a number of `grados` speaks of temperature (or says `bajo cero`)."""
    if t.joined(j + 2) and t.low[j + 1] in ("bajo", "sobre") and t.low[j + 2] == "cero":
        return True
    lo, hi = start, j
    while lo > 0 and start - lo < _TEMPERATURE_REACH and not t.broken[lo] and t.text[lo - 1] not in ".;!?":
        lo -= 1
    while hi + 1 < t.n and hi - j < _TEMPERATURE_REACH and not t.broken[hi + 1] and t.text[hi + 1] not in ".;!?":
        hi += 1
    return any(t.low[k].startswith(_TEMPERATURE_CUES) for k in range(lo, hi + 1))


# Scale words that may follow a currency code or symbol written after the number.
_SCALES_AFTER_A_CODE = frozenset({"mil", "millón", "millones", "millardo", "millardos", "billón", "billones"})


def _minor_part(t: Tokens, e: int, lex: Lexicon, cd: bool, floor: int) -> tuple[Decimal, int] | None:
    """`y 50 centavos` or `con 25` after a currency word: (50, end).

    Without the subunit's name only `con` and one or two digits that end the phrase count
    (`30 euros con 25.`): `30 euros y 25 personas` are two figures."""
    if not (t.joined(e) and t.low[e] in ("y", "con") and t.joined(e + 1)):
        return None
    small = read_small(t, e + 1, lex, cd, floor)
    if not small or small[2] == "half" or small[0] >= 100 or small[0] != small[0].to_integral_value():
        return None
    end = small[1]
    if t.joined(end) and t.low[end] in MINOR_UNIT_WORDS:
        return small[0], end + 1
    bare = t.low[e] == "con" and small[2] == "digits" and len(t.text[e + 1]) <= 2
    if bare and (not t.joined(end) or (t.kind[end] == "sym" and t.text[end] in ".,;)")):
        return small[0], end
    return None


def _plus_half(t: Tokens, e: int) -> int:
    """`dos puntos y medio`, `tres kilos y medio`: the tokens of `y medio` after a unit (0 or 2)."""
    return 2 if t.joined(e + 1) and t.low[e] == "y" and t.low[e + 1] in ("medio", "media") else 0


# Words of weighing before `libras`: `pesa tres libras` is a weight, `cobra tres libras` money.
_WEIGHING = ("pes", "sobrepes")
_WEIGHING_REACH = 5


def _weighed(t: Tokens, num: Number, e: int) -> bool:
    """`libras` of weight rather than pounds sterling: a verb or noun of weighing just before
    the number, `de peso` after it, or ounces in the same text (`tres libras y dos onzas`)."""
    for k in range(num.start - 1, max(num.start - 1 - _WEIGHING_REACH, -1), -1):
        if t.broken[k + 1] or (t.kind[k] == "sym" and t.text[k] in ".;"):
            break
        if t.kind[k] == "word" and t.low[k].startswith(_WEIGHING):
            return True
    if t.joined(e + 1) and t.low[e] == "de" and t.low[e + 1] == "peso":
        return True
    for k in range(e, min(e + _WEIGHING_REACH * 2, t.n)):
        if t.broken[k]:
            break
        if t.low[k] in ("onza", "onzas"):
            return True
    return False


def read_suffix(t: Tokens, num: Number, lex: Lexicon, cd: bool, floor: int, *, allow_count: bool = True) -> Suffix | None:
    g = lex.g
    if num.scale_tok is not None and (t.low[num.scale_tok],) in g.currency_words:
        # `571 mdd`: one word is both the scale and the currency.
        return Suffix("money", None, candidates=g.currency_words[(t.low[num.scale_tok],)], end=num.end)
    j = num.end
    if num.noun_like and t.joined(j) and t.low[j] == "de":
        j += 1  # `millones de dólares`, `millones de personas`, `tres cuartos de milla`
    elif num.scale_tok == num.end - 1 and t.low[num.scale_tok] != "mil":
        # `millón`, `millones`, `centenar` are nouns: what they count follows `de`. In
        # `20 millones listas para enviarse` the word after is not the counted noun.
        allow_count = False
    if t.joined(j + 1) and t.text[j] == "," and t.attached[j] and t.text[j + 1] == "%":
        j += 1  # `del 6, %`: a decimal comma whose digits were lost
    if not t.joined(j):
        return None
    if lex.at("blocked_phrases", t, j, exact=False)[1]:
        return BLOCKED
    if t.text[j] in _MILLION_LETTERS and t.joined(j + 1) and t.attached[j + 1]:
        signed, n_signed = lex.at("currency_signs", t, j + 1, exact=True)
        if signed:  # `300 M€`, `20 MM$`: M for millions, glued to the sign
            return Suffix("money", None, candidates=signed, end=j + 1 + n_signed,  # type: ignore[arg-type]
                          multiplier=Decimal(10**6))
    unit, n_unit = lex.unit_at(t, j)
    cands, n_cur = lex.currency_at(t, j)
    if unit and cands and n_unit == n_cur and g.units[unit].dimension == "mass" and not _weighed(t, num, j + n_unit):
        unit = None  # `tres libras` is money unless something says it is weighed
    if unit and n_unit >= n_cur:
        e = j + n_unit
        dimension = g.units[unit].dimension
        if dimension == "percent":
            return Suffix("percent", "%", obj=object_after(t, e, lex, article=True), end=e)
        half = _plus_half(t, e) if num.value == num.value.to_integral_value() else 0
        return Suffix("quantity", unit, obj=object_after(t, e + half, lex), end=e + half,
                      plus=Decimal("0.5") if half else Decimal(0))
    if cands:
        e = j + n_cur
        suffix = Suffix("money", None, candidates=cands, end=e)
        code = tuple(t.text[j:e]) in g.currency_signs
        if code and num.scale is None and t.joined(e) and t.low[e] in _SCALES_AFTER_A_CODE:
            scale = Decimal(g.scale_words[t.low[e]])
            suffix.multiplier, suffix.end = scale, e + 1  # `60 USD millones`, `40 US$ millones`
            return suffix
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
    if t.low[j] in _DEGREES and _about_temperature(t, num.start, j):
        # `hasta 40 grados`, `cinco grados bajo cero`: degrees of temperature when the sentence
        # speaks of it (`6 grados` of an earthquake or `tres grados` of a burn are not).
        e = j + 1
        below = t.joined(e + 1) and t.low[e] in ("bajo", "sobre") and t.low[e + 1] == "cero"
        return Suffix("quantity", "°C", end=e + 2 if below else e,
                      multiplier=Decimal(-1) if below and t.low[e] == "bajo" else Decimal(1))
    if t.low[j] in _TENTHS_OF_A_POINT and not (t.joined(j + 2) and t.low[j + 1] == "de" and t.low[j + 2] not in BARE_POINTS):
        # `el paro bajó tres décimas`: tenths of a percentage point (`décimas de segundo` are not).
        e = j + 1 + (2 if t.joined(j + 2) and t.low[j + 1] == "de" else 0)
        return Suffix("quantity", "pp", end=e, multiplier=_TENTHS_OF_A_POINT[t.low[j]])
    if t.low[j] in BARE_POINTS:
        # Percentage points, items or a change of an index: decided by the sentence in
        # `context.settle_points`, once every percentage of the text is known.
        half = _plus_half(t, j + 1)
        return Suffix("quantity", "pp", end=j + 1 + half, plus=Decimal("0.5") if half else Decimal(0))
    if allow_count:
        noun = counted_noun(t, j, lex)
        if noun and not rate_after(t, noun[1]):
            return Suffix("count", None, obj=noun[0], end=noun[1])
    return None

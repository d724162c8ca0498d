"""Context rules: numbers that take their unit from a neighbour, and bare `puntos`.

Spanish writes a unit once for several numbers: `pasando de 45 a 35 %`, `por encima del 3,4 ó
3,5, llegando al 3,6 %`, a budget list `... 4 mil 315 millones, ... 4 mil 60 millones; ...`
after `13 mil 200 millones de euros`. A bare number takes its neighbour's unit only in these
shapes; any other bare number stays out (`en 2020`, `la 99.9`, `hasta 140.` are not figures).
"""

from __future__ import annotations

from warehouse.extraction.amounts.records import Figure
from warehouse.extraction.amounts.tokens import Tokens
from warehouse.extraction.amounts.vocabulary import ARTICLES, BARE_POINTS, BARE_RANGE_WORDS, Lexicon


_TRANSITION_FROM = ("de", "del")
_TRANSITION_TO = ("a", "al")
_RATE_ARTICLES = frozenset({"el", "del", "al"})
_RATE_REACH = 6           # tokens between a bare rate and the percentage that gives its unit
_LIST_REACH = 80          # tokens back to the money figure a bare budget line borrows from
_LIST_FOLLOWERS = frozenset({"a", "al", "para", "en", "y", "e", "que", "con", "del", "mientras"})
_UNITS_TO_SHARE = ("percent", "quantity", "money")
_SENTENCE_ENDS = frozenset(".!?;")
# `... 20.000.000 de pesetas y el garaje otros 5.000.000`: a bare number after these carries the
# currency of the money figure before it in the sentence, with or without a scale word.
_CARRIED = frozenset({"otros", "otras"})


def borrow_units(t: Tokens, figures: list[Figure], bare: list[Figure]) -> list[Figure]:
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


def _abbreviations(t: Tokens, figures: list[Figure]) -> dict[str, Figure]:
    """`150 millones de toneladas métricas (mtm)`: the text defines `mtm` as the scale and unit
    of that figure; a later `150 mtm` is read with them."""
    found = {}
    for f in figures:
        e = f.end
        if (f.scale and f.kind in ("quantity", "money") and e + 2 < t.n and t.text[e] == "("
                and t.kind[e + 1] == "word" and t.text[e + 2] == ")" and t.attached[e + 1] and t.attached[e + 2]):
            found[t.text[e + 1]] = f
    return found


def _bare_alternatives(bare: list[Figure], t: Tokens) -> list[Figure]:
    """`3,4 ó 3,5`: two adjacent bare numbers joined by `o` are one bare range."""
    out: list[Figure] = []
    for b in bare:
        prev = out[-1] if out else None
        if (prev is not None and prev.value_high is None and b.qualifier is None
                and b.start == prev.end + 1 and t.joined(b.start) and t.low[prev.end] in BARE_RANGE_WORDS
                and prev.value < b.value):
            prev.value_high, prev.end = b.value, b.end
            continue
        out.append(b)
    return out


def _transition_source(t: Tokens, b: Figure, by_start: dict, by_end: dict) -> Figure | None:
    """`de 45 a 35 %` (the unit after) and `de 4,1 % en 2012 a 5,2 en 2019` (the unit before)."""
    if b.qualifier is not None or b.value_high is not None:
        return None
    before = t.low[b.start - 1] if b.start > 0 and t.joined(b.start) else None
    if before in _TRANSITION_FROM and t.joined(b.end) and t.low[b.end] in _TRANSITION_TO:
        k = b.end + 1
        if k in by_start:
            after = by_start[k]
        elif t.joined(k) and t.low[k] in ARTICLES:
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


def _rate_source(t: Tokens, b: Figure, by_start: dict) -> Figure | None:
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


def _list_source(t: Tokens, b: Figure, figures: list[Figure]) -> Figure | None:
    """`... por 13 mil 200 millones de euros. En la modernización será de 4 mil 315 millones,`:
    a bare number ending in `millones` (or a larger scale) takes the currency of the money
    figure before it in the same paragraph; after `otros`, any bare number does, from the same
    sentence. Figures in parentheses are conversions
    (`8 mil millones de euros (más de 191 mil millones de pesos)`) and are skipped."""
    carried = b.number_start > 0 and t.low[b.number_start - 1] in _CARRIED and t.joined(b.number_start)
    if b.value_high is not None or not carried and (b.scale is None or b.scale < 10**6):
        return None
    e = b.end
    if t.joined(e) and not (t.kind[e] == "sym" or t.low[e] in _LIST_FOLLOWERS):
        return None
    for f in reversed(figures):
        if f.end > b.start:
            continue
        if b.start - f.end > _LIST_REACH or any(t.broken[k] for k in range(f.end, b.start + 1)):
            return None
        if carried and (f.kind != "money" or any(t.text[k] in _SENTENCE_ENDS for k in range(f.end, b.start))):
            return None  # `otros 5.000.000` takes the currency of the money just before it, in its sentence
        if f.kind == "money" and not _in_parentheses(t, f.start):
            return f
    return None


def _in_parentheses(t: Tokens, k: int) -> bool:
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


def settle_points(t: Tokens, figures: list[Figure], lex: Lexicon) -> list[Figure]:
    """Bare `puntos` figures as percentage points, counted items, or dropped (see `vocabulary.BARE_POINTS`)."""
    out = []
    for f in figures:
        if f.unit != "pp" or t.low[f.end - 1] not in BARE_POINTS:
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


def _sentence(t: Tokens, k: int) -> tuple[int, int]:
    """Token bounds of the sentence around token k (a line break also ends one)."""
    lo = k
    while lo > 0 and not t.broken[lo] and not (t.kind[lo - 1] == "sym" and t.text[lo - 1] in _SENTENCE_ENDS):
        lo -= 1
    hi = k
    while hi < t.n and not (hi > k and t.broken[hi]) and not (t.kind[hi] == "sym" and t.text[hi] in _SENTENCE_ENDS):
        hi += 1
    return lo, hi


def mark_restatements(t: Tokens, figures: list[Figure]) -> list[Figure]:
    """`4.000 millones de dólares (3.400 millones de euros)`, `100 millas (160 kilómetros)`: a
    figure that opens a parenthesis right after a figure of the same kind restates it in another
    unit. It is kept (it is what the text says) and marked, so that sums count the amount once."""
    for prev, f in zip(figures, figures[1:]):
        k = f.start - 1
        if (f.kind == prev.kind and f.kind in ("money", "quantity") and k >= 0 and t.text[k] == "("
                and prev.end == k and not t.broken[k] and f.end < t.n and t.text[f.end] == ")"):
            f.restates = True
    return figures

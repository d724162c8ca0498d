"""Qualifiers of a figure: `casi`, `más de`, `al menos en el` before it, `o menos`/`o más` after
it, and `hasta el` after a verb of change, which gives an endpoint rather than a limit.
"""

from __future__ import annotations

from warehouse.extraction.amounts.tokens import Tokens
from warehouse.extraction.amounts.vocabulary import ARTICLES, Lexicon


def qualifier_before(t: Tokens, p: int, lex: Lexicon, floor: int) -> tuple[str | None, int]:
    """The qualifier ending before token p (optionally followed by an article): (qualifier, start)."""
    q, n = lex.before("qualifiers", t, p, floor)
    if q:
        return q, p - n  # type: ignore[return-value]
    k = p
    if k - 1 > floor and t.low[k - 1] in ARTICLES and t.joined(k):
        k -= 1
        q, n = lex.before("qualifiers", t, k, floor)
        if q:
            return q, k - n  # type: ignore[return-value]
    if k - 1 > floor and t.low[k - 1] == "en" and t.joined(k):
        q, n = lex.before("qualifiers", t, k - 1, floor)
        if q:
            return q, k - 1 - n  # type: ignore[return-value]  # `al menos en el 43,8 %`
    return None, p


# `o menos`/`o más` after a figure: `un 20 % o menos`, `50 personas o más`.
_QUALIFIERS_AFTER = {("o", "menos"): "at_most", ("o", "más"): "at_least", ("o", "mas"): "at_least"}


def qualifier_after(t: Tokens, e: int) -> tuple[str | None, int]:
    if t.joined(e + 1):
        q = _QUALIFIERS_AFTER.get((t.low[e], t.low[e + 1]))
        if q:
            return q, e + 2
    return None, e


def endpoint_not_limit(t: Tokens, q_start: int, p: int, lex: Lexicon) -> bool:
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

"""Counted nouns and objects: `15 aviones`, `300 nuevos casos`, `410.000 toneladas de wolframio`.

A counted noun is the lowercase plural word after the number (skipping listed adjectives):
Spanish plurals end in -s, which keeps verbs and most function words out without a tagger. The
object of a quantity or a percentage is the word after `de`, with a relational adjective.
"""

from __future__ import annotations

from warehouse.extraction.amounts.tokens import Tokens
from warehouse.extraction.amounts.vocabulary import Lexicon


def object_after(t: Tokens, e: int, lex: Lexicon, *, article: bool = False) -> str | None:
    """`toneladas de wolframio` -> 'wolframio': the word after `de`, when it names a thing.

    With `article`, `de` may be followed by one (`el 90 % de las mezquitas` -> 'mezquitas').
    """
    if not (t.joined(e) and t.low[e] in ("de", "del") and t.joined(e + 1)):
        return None
    k = e + 1
    if article and t.low[e] == "de" and t.low[k] in ("la", "las", "los", "el") and t.joined(k + 1):
        k += 1
    elif t.low[e] == "del" and not article:
        return None
    if t.kind[k] != "word":
        return None
    raw, low = t.text[k], t.low[k]
    if not (raw[0].islower() or raw.isupper()) or low in lex.not_nouns or low in lex.g.number_words:
        return None
    return _with_adjective(t, k + 1, low, lex)


# Endings of Spanish relational adjectives (`hospitalaria`, `sexuales`, `sanitario`, `mundial`,
# `públicas`): a word after the object that ends so is kept with it. Verbs and function words do
# not end so, which is what a tagger would otherwise be needed for.
_ADJECTIVE_ENDINGS = ("al", "ales", "ario", "aria", "arios", "arias", "ico", "ica", "icos", "icas",
                      "ivo", "iva", "ivos", "ivas", "oso", "osa", "osos", "osas", "ble", "bles",
                      "ense", "enses", "ista", "istas", "ano", "ana", "anos", "anas")


def _with_adjective(t: Tokens, k: int, noun: str, lex: Lexicon) -> str:
    if not (t.joined(k) and t.kind[k] == "word" and t.text[k][0].islower()):
        return noun
    word = t.low[k]
    if word in lex.not_nouns or len(word) < 5 or not word.endswith(_ADJECTIVE_ENDINGS):
        return noun
    return f"{noun} {word}"


def counted_noun(t: Tokens, j: int, lex: Lexicon) -> tuple[str, int] | None:
    """`15 aviones` -> ('aviones', end); adjectives in between are skipped (`300 nuevos casos`).

    An adjective that Spanish also uses as a noun stands for the noun when nothing follows it
    (`63 menores,` = 63 minors; `tres mayores federaciones` still counts federaciones).
    """
    k = j
    while t.joined(k) and t.low[k] in lex.adjectives and k - j < 2:
        k += 1
    if k > j and t.low[k - 1] in lex.nominal_adjectives and not _plural_noun_at(t, k, lex):
        return t.low[k - 1], k
    if not _plural_noun_at(t, k, lex):
        return None
    return t.low[k], k + 1


def _plural_noun_at(t: Tokens, k: int, lex: Lexicon) -> bool:
    if not t.joined(k) or t.kind[k] != "word":
        return False
    raw, low = t.text[k], t.low[k]
    # A counted noun after a number above one is plural, which in Spanish ends in -s; this one
    # test keeps out verbs (`murieron`), prepositions and most adverbs.
    if not raw.isalpha() or len(low) < 3 or not low.endswith("s"):
        return False
    if not raw[0].islower() and not _capitalised_common_noun(t, k) and not _shouted(t, k):
        return False
    g = lex.g
    return not (low in lex.not_nouns or low in g.number_words or low in g.scale_words)


def _capitalised_common_noun(t: Tokens, k: int) -> bool:
    """`dos Estados nacionales`, `32 Estados,`: a capitalised plural after a lowercase number,
    followed by a lowercase word or punctuation, is an institution's name used as a common noun.
    A capital on the number (`Dos Hermanas`) or on the next word (`tres Reyes Magos`) makes it
    part of a proper name instead."""
    n = k - 1
    if t.kind[n] == "word" and not t.text[n][0].islower():
        return False
    if n > 0 and t.joined(n) and t.kind[n - 1] == "word" and not t.text[n - 1][0].islower():
        return False  # `Movimiento 5 Estrellas`: a number inside a name
    nxt = k + 1
    if not t.text[k][1:].islower():
        return False  # `ONGs`, `EE.UU.`
    return not t.joined(nxt) or t.kind[nxt] != "word" or t.text[nxt][0].islower()


def _shouted(t: Tokens, k: int) -> bool:
    """`2.300 DESPIDOS EN LA BANCA`: a plural in a line written in capitals is a common noun when
    the words around it are capitals too (an acronym alone, `5 ONGS`, stays out)."""
    if not t.text[k].isupper():
        return False
    around = [j for j in (k - 2, k + 1, k + 2) if 0 <= j < t.n and t.kind[j] == "word" and j != k - 1
              and not any(t.broken[x] for x in range(min(j, k) + 1, max(j, k) + 1))]
    return bool(around) and all(t.text[j].isupper() for j in around)


def rate_after(t: Tokens, e: int) -> bool:
    """`cinco casos de cada 1.000 contagios` is a proportion, not a count of cases (`por cada`
    is a rate: `rates.py`)."""
    return t.joined(e + 1) and t.low[e] == "de" and t.low[e + 1] == "cada"


# `Son 20 las principales reformas`, `han sido 15 los establecimientos`: the counted noun comes
# after an article when the number is the predicate of a copula.
_COPULAS = frozenset({"son", "fueron", "serán", "seran", "eran", "sido", "sean", "fuesen", "fueran"})


def cleft_counted_noun(t: Tokens, number_end: int, p: int, lex: Lexicon) -> tuple[str, int] | None:
    """The counted noun after `los`/`las` when the number (tokens p..number_end) follows a copula."""
    if p == 0 or not t.joined(p) or t.low[p - 1] not in _COPULAS:
        return None
    j = number_end
    if not (t.joined(j) and t.low[j] in ("los", "las")):
        return None
    return counted_noun(t, j + 1, lex)

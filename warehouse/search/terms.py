"""An article as search terms: lowercase words, function words dropped, Snowball Spanish stems.

The query side of the same rules is SQL (`sql/macros/search_articles.sql`): it splits the query
into words, folds case and accents, and finds their stems in `search_words`, the table of every
word the index has seen. A word the index never saw matches nothing anyway, so no stemmer is
needed at query time and any DuckDB client can search.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from warehouse.seeds import read_seed

# Letters and digits; DuckDB's `[^\p{L}\p{N}]+` split on the query side cuts at the same places.
WORD = re.compile(r"[^\W_]+")
# A dotted abbreviation is one word: `EE.UU.` is `EEUU`, `S.A.` is `SA` (groups of one to three
# letters, each followed by a dot, at least two); the query side does the same.
_DOTTED = re.compile(r"(?<![^\W_])(?:[^\W\d_]{1,3}\.){2,}")

# A title says what the article is about in a few words: each of its words counts this many times.
TITLE_WEIGHT = 2


@dataclass(frozen=True)
class DocumentTerms:
    counts: dict[str, int]        # stem -> weighted occurrences in title and body
    length: int                   # weighted number of terms (BM25's document length)
    stems: dict[str, str]         # lowercase word -> its stem, for `search_words`


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer   # PyStemmer: Snowball's C stemmers (0.2 µs a word; the pure-Python port, 70)

    return Stemmer.Stemmer("spanish")


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Spanish function words (`de`, `la`, `que`), not indexed: in nearly every article, they
    would rank nothing and make the index half again as large."""
    listed = [row["word"].lower() for row in read_seed("language_function_words") if row["language"] == "es"]
    return frozenset(listed + [fold(word) for word in listed])   # `más` and `mas`


def fold(word: str) -> str:
    """Lowercase without accents but with `ñ` (`Moscú` -> `moscu`, `Peña` -> `peña`): in Spanish
    `ñ` is a letter, not an accented `n`. The SQL macro `fold_search_word` is the same."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("ñ", "\0"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("\0", "ñ")


def words(text: str) -> list[str]:
    """The lowercase words of `text`, dotted abbreviations joined, function words left out."""
    skip = function_words()
    joined = _DOTTED.sub(lambda m: m.group().replace(".", ""), text or "")
    return [w for w in WORD.findall(joined.lower()) if w not in skip]


def query_words(text: str) -> list[str]:
    """The words of a query as the SQL macro keeps them: also a function word typed with an
    accent is dropped (`dé`, `está`: as a query word they would find every article)."""
    skip = function_words()
    return [w for w in words(text) if fold(w) not in skip]


def stem(word: str) -> str:
    return _stemmer().stemWord(word)


# Words already stemmed in this process: a language's running text reuses a few tens of thousands
# of words, so this stays small while a backfill of many articles stems each word once.
_STEMS: dict[str, str] = {}
_STEMS_MAX = 500_000


def document_terms(title: str | None, body: str | None) -> DocumentTerms:
    """What the index stores for one article."""
    counts: Counter[str] = Counter()
    stems: dict[str, str] = {}
    for weight, text in ((TITLE_WEIGHT, title), (1, body)):
        occurrences = Counter(words(text))
        unknown = [w for w in occurrences if w not in _STEMS]
        if unknown:
            if len(_STEMS) > _STEMS_MAX:
                _STEMS.clear()
            _STEMS.update(zip(unknown, _stemmer().stemWords(unknown)))
        for word, count in occurrences.items():
            stems[word] = _STEMS[word]
            counts[stems[word]] += weight * count
    return DocumentTerms(counts=dict(counts), length=sum(counts.values()), stems=stems)

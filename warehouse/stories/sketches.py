"""What story matching compares, made of an article's text alone:

- a paragraph's *identity* is the hash of its normalised text, so a re-sent paragraph with other
  quotes, a changed comma or double spaces is the same paragraph (`article_paragraphs`);
- an article's *sketch* is a MinHash signature of the word shingles of its normalised text,
  the number of distinct shingles, and the identities of its distinctive (long) paragraphs;
- its *lookup keys* (`story_keys`: the LSH band keys of `band_keys` and one key per distinctive
  paragraph) let the warehouse find the few earlier articles worth comparing with a new one: it
  stores (key, article_id) rows and looks candidates up by key, never scanning all articles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Sequence

import numpy as np
from datasketch import MinHash

from warehouse.reading.paragraphs import paragraph_spans
from warehouse.stories.settings import StorySettings


# A number keeps its separators, unified as `.`: `30.000`, `30,000` and `30 000` (no-break
# spaces) are one figure, while `1,5` and `15` stay different figures (a correction).
# No-break spaces are replaced before NFKC, which would make them plain spaces.
_DIGIT_GROUP_SPACE = re.compile(r"(?<=\d)[\u00a0\u202f](?=\d)")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+|[^\w\s]")


def normalise_paragraph(text: str) -> str:
    """The text as words separated by single spaces: case folded, accents removed, punctuation
    and quotes (« » “ ” ‘ ’ " ' ` ´) removed, number separators unified; symbols such as `%`,
    `$` and `€` kept as words of their own (`70 %` and `70` are different figures).

    Accents are folded because re-sent copies differ in them without changing a word: the
    samples write `ésta última` and `esta última` (the tilde the RAE dropped in 2010), outlets
    differ in `sólo`/`solo`, `guión`/`guion`. The few words an accent tells apart (`él`/`el`,
    `más`/`mas`) never make two otherwise equal paragraphs different stories.
    """
    text = _DIGIT_GROUP_SPACE.sub(".", text)
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    words = []
    for token in _TOKEN.findall(text):
        if token[0].isdigit():
            words.append(token.replace(",", "."))
        elif len(token) == 1 and not token.isalnum() and not _is_symbol(token):
            continue                                   # punctuation and quotes say nothing
        else:
            words.append(token)
    return " ".join(words)


def _is_symbol(char: str) -> bool:
    # `%` and `‰` are punctuation to Unicode (Po) but a unit to a figure; Sk (` ´ ^) are
    # written as quotes and accents, not as words.
    category = unicodedata.category(char)
    return char in "%‰" or (category.startswith("S") and category != "Sk")


def paragraph_identity(text: str) -> str:
    """Identity of a paragraph's normalised text: equal for a re-sent paragraph.

    Not `extraction.paragraph_tags.paragraph_hash`, which hashes the exact text for the NER cache."""
    return _identity_of_normalised(normalise_paragraph(text))


def _identity_of_normalised(normalised: str) -> str:
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Paragraph:
    paragraph_no: int        # 0-based, in the order of the body
    start_char: int          # body[start_char:end_char] is the paragraph's text
    end_char: int
    identity: str            # `paragraph_identity` of that text
    # The words of its normalised text: what its article's sketch is made of, kept so a body is
    # normalised once for both.
    words: tuple[str, ...] = field(default=(), repr=False, compare=False)


def article_paragraphs(body: str) -> list[Paragraph]:
    """The body's paragraphs (`paragraph_spans`) with their identities and normalised words."""
    paragraphs = []
    for number, (start, end) in enumerate(paragraph_spans(body)):
        normalised = normalise_paragraph(body[start:end])
        paragraphs.append(Paragraph(number, start, end, _identity_of_normalised(normalised), tuple(normalised.split())))
    return paragraphs


# datasketch 2.0.0's default permutation scheme: values are uint32 (`affine32`; `affine64` is
# for sets of 100 million shingles). Little-endian bytes make a signature the same BLOB on
# every machine.
_SCHEME = "affine32"
_SIGNATURE_DTYPE = np.dtype("<u4")
_EMPTY_VALUE = np.iinfo(np.uint32).max       # what every position holds when nothing was hashed


def shingles(body: str, shingle_size: int) -> set[str]:
    """The distinct runs of `shingle_size` words of the normalised body; a body with fewer
    words is one shingle, an empty body none."""
    return _shingles_of(normalise_paragraph(body).split(), shingle_size)


def _shingles_of(words: Sequence[str], shingle_size: int) -> set[str]:
    if len(words) <= shingle_size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[index:index + shingle_size]) for index in range(len(words) - shingle_size + 1)}


@lru_cache(maxsize=None)
def _permutations(num_perm: int, seed: int) -> np.ndarray:
    # Drawing 256 permutations costs more than hashing an article; they depend only on these two.
    return MinHash(num_perm=num_perm, seed=seed, scheme=_SCHEME).permutations


def signature(body: str, settings: StorySettings = StorySettings()) -> np.ndarray:
    """The MinHash signature (`num_perm` uint32 values) of the body's shingles."""
    return _signature_of(shingles(body, settings.shingle_size), settings)


def _signature_of(shingle_set: set[str], settings: StorySettings) -> np.ndarray:
    minhash = MinHash(num_perm=settings.num_perm, seed=settings.seed, scheme=_SCHEME,
                      permutations=_permutations(settings.num_perm, settings.seed))
    minhash.update_batch([shingle.encode("utf-8") for shingle in sorted(shingle_set)])
    return minhash.digest().astype(np.uint32)


def signature_to_bytes(values: np.ndarray) -> bytes:
    """The signature as a BLOB: 4 bytes per value, little-endian."""
    return np.asarray(values, dtype=_SIGNATURE_DTYPE).tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    """The signature `signature_to_bytes` stored."""
    return np.frombuffer(data, dtype=_SIGNATURE_DTYPE).astype(np.uint32)


@dataclass(frozen=True, eq=False)
class StorySketch:
    """What story matching needs of one article, kept in the warehouse beside it."""
    article_id: str
    signature: np.ndarray = field(repr=False)
    shingle_count: int       # distinct shingles: with the signature, it estimates containment
    distinctive_paragraphs: tuple[str, ...] = ()   # identities of paragraphs long enough to look up
    published: date | None = None


def sketch(article_id: str, body: str, settings: StorySettings = StorySettings(),
           published: date | None = None, paragraphs: Sequence[Paragraph] | None = None) -> StorySketch:
    """The article's sketch; `paragraphs`: its `article_paragraphs`, when the caller has them.

    The shingles are those of the whole normalised body (`shingles`): paragraphs are separated
    by blank lines only, so the words of its normalised paragraphs, in order, are its words."""
    if paragraphs is None:
        paragraphs = article_paragraphs(body)
    shingle_set = _shingles_of([word for paragraph in paragraphs for word in paragraph.words], settings.shingle_size)
    # Identities of the paragraphs long enough to be looked up, each once, in order of appearance.
    distinctive = dict.fromkeys(paragraph.identity for paragraph in paragraphs
                                if len(paragraph.words) >= settings.min_paragraph_words)
    return StorySketch(article_id, _signature_of(shingle_set, settings), len(shingle_set), tuple(distinctive), published)


def band_keys(values: np.ndarray, settings: StorySettings = StorySettings()) -> list[str]:
    """One key per LSH band, `"<band>:<the band's values in hex>"`; two articles are compared
    only if they share a key. An empty text has no keys (it would share all of them)."""
    if bool(np.all(values == _EMPTY_VALUE)):
        return []
    bands, rows = settings.bands
    data = np.asarray(values, dtype=">u4")   # big-endian: the hex reads as the numbers do
    return [f"{band:03d}:{data[band * rows:(band + 1) * rows].tobytes().hex()}" for band in range(bands)]


def story_keys(signature: np.ndarray, distinctive: Sequence[str],
               settings: StorySettings = StorySettings()) -> list[str]:
    """Every lookup key of an article: its band keys, then `"p:<identity>"` for each
    distinctive paragraph. Articles sharing any key are compared."""
    return band_keys(signature, settings) + [f"p:{identity}" for identity in distinctive]

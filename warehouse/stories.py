"""Stories: which articles tell the same story, and which paragraphs repeat.

Wire services re-send a story (an update, a correction, another outlet's rewrite); analysts must
not count it twice. This module is the plain-Python core, with no database and no Prefect:

- a paragraph's *identity* is the hash of its normalised text, so a re-sent paragraph with other
  quotes, a changed comma or double spaces is the same paragraph (`article_paragraphs`);
- an article's *sketch* is a MinHash signature of the word shingles of its normalised text,
  the number of distinct shingles, and the identities of its distinctive (long) paragraphs;
- its *lookup keys* (`story_keys`: the LSH band keys of `band_keys` and one key per distinctive
  paragraph) let the warehouse find the few earlier articles worth comparing with a new one: it
  stores (key, article_id) rows and looks candidates up by key, never scanning all articles;
- `assign_stories` puts each new article in the story of its closest earlier article, or starts
  a new story.

The measure, and why: `story_similarity` is the estimated *containment* of the smaller article's
shingles in the larger one's (overlap / smaller set), not Jaccard (overlap / union). An update
that adds paragraphs, or a short rewrite of a long article, keeps most of its text in the other
but has a low Jaccard because the union grows: the two samples (`seeds/articles/`, one event
told twice) have an exact 3-shingle Jaccard of 0.28 but a containment of 0.53. Containment is
estimated from the MinHash Jaccard and the two shingle counts; when the sizes differ a lot that
estimate rests on few matching hash positions, so a pair must also reach a Jaccard floor
(`StorySettings.min_jaccard`). LSH bands find pairs by Jaccard, so a brief cut from a long
article (Jaccard under 0.1) would often be missed by them alone: a paragraph kept word for word
is a lookup key too. Known limit: a brief that is both short and reworded throughout is found
only by luck (Jaccard-tuned bands); finding it reliably needs LSH Ensemble (size partitions).
Defaults and the evidence for them: `StorySettings` and `benchmarks/story_thresholds.py`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from warehouse.config import DEFAULT_STORY_MAX_DAYS, DEFAULT_STORY_MIN_CONTAINMENT, DEFAULT_STORY_MIN_JACCARD
# Imports spaCy's Doc class (not a model): the one paragraph splitter lives there.
from warehouse.paragraph_tags import split_paragraphs


# --- settings --------------------------------------------------------------------------------

@dataclass(frozen=True)
class StorySettings:
    """How articles are sketched, found and judged to tell the same story.

    Chosen on the 286 FakeDeS articles, the two samples and `tests/data/story_pairs.jsonl`
    (`benchmarks/story_thresholds.py` prints the evidence):

    - `shingle_size` 3: words in each shingle, the widest margin between the least contained
      related pair and the most contained unrelated pair (exact containment; k=1: 0.70 vs
      0.55, k=2: 0.57 vs 0.24, k=3: 0.53 vs 0.12, k=4: 0.43 vs 0.09, k=5: 0.36 vs 0.08).
      Short shingles make articles on one topic look alike; long ones lose reworded sentences.
    - `num_perm` 256: MinHash permutations (a signature is 1 KiB). With `lsh_threshold` 0.1
      datasketch chooses 117 bands of 2 rows: a pair at Jaccard 0.15 shares a band with
      probability 0.93, at 0.2 with 0.99, at 0.01 (a typical unrelated pair) with 0.01. With
      128 permutations it chooses 64 x 2, and a pair at 0.15 is found only 77 % of the time.
    - `lsh_threshold` 0.1: the Jaccard the bands are tuned for. A lower one needs one-row bands,
      which make most articles on a topic candidates of each other.
    - `min_paragraph_words` 12: a paragraph this long is *distinctive*: its identity is a
      lookup key too. A brief cut from a long article keeps whole paragraphs but, being a
      seventh of the article, has a Jaccard of 0.09, which the bands miss 4 times in 10;
      a shared paragraph finds it. Shorter paragraphs (subheads, `Se espera que ...`) are too
      common to be worth a lookup.
    - `min_jaccard` 0.05: under it a pair is never one story, whatever the containment. The
      containment estimate of a small article against a large one rests on few agreeing
      positions: 0.05 is 13 of 256, where an unrelated pair (exact Jaccard at most 0.03 in the
      corpus, 8 +- 3 positions) rarely reaches, while a brief an eighth of its article, 80 %
      contained, has 0.09.
    - `min_containment` 0.3: the decision. Unrelated corpus pairs reach 0.12 exactly (same topic,
      stock phrases), the samples 0.53, a rewrite half the length of its source 0.53; an update
      or a correction is near 1.
    - `max_days` 7: two articles published more than this many days apart are never one story
      (either date unknown: compared anyway). Wire copy repeats background paragraphs for
      months (`Rusia figura en la troika de los principales socios...`): a short article on a
      new event that carries two of them reaches the containment threshold against last
      month's story (found in review: 0.52 for 121 words of new text). Updates, corrections and
      rewrites come within days; news systems group stories within a time window for the same
      reason. Within the window such an article can still join: a known limit.
    - `seed` 1: fixed, so signatures stored in the warehouse stay comparable. Changing
      `shingle_size`, `num_perm`, `seed`, `lsh_threshold`, `min_paragraph_words` or the
      normalisation changes signatures or keys: stored sketches of other values are then not
      compared (`story_assignment.settings_tag`). The two decision thresholds change no stored
      data: they are settings of the run (environment variables above), applied to the
      articles placed from then on.
    """

    shingle_size: int = 3
    num_perm: int = 256
    lsh_threshold: float = 0.1
    min_paragraph_words: int = 12
    min_jaccard: float = DEFAULT_STORY_MIN_JACCARD           # NEWS_WAREHOUSE_STORY_MIN_JACCARD
    min_containment: float = DEFAULT_STORY_MIN_CONTAINMENT   # NEWS_WAREHOUSE_STORY_MIN_CONTAINMENT
    max_days: int = DEFAULT_STORY_MAX_DAYS                   # NEWS_WAREHOUSE_STORY_MAX_DAYS
    seed: int = 1

    @property
    def bands(self) -> tuple[int, int]:
        """(number of bands, rows per band) for `lsh_threshold` and `num_perm`."""
        return _lsh_bands(self.lsh_threshold, self.num_perm)


@lru_cache(maxsize=None)
def _lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    # datasketch 2.0.0, datasketch/lsh.py: `MinHashLSH.__init__` sets `self.b, self.r` from
    # `_optimal_param(threshold, num_perm, 0.5, 0.5)`, a grid search over (b, r) minimising the
    # integrated false positive and false negative probabilities of 1 - (1 - s**r)**b. Asking
    # the index keeps us on its optimiser rather than a copy of a private function.
    index = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return index.b, index.r


# --- paragraphs ------------------------------------------------------------------------------

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

    Not `paragraph_tags.paragraph_hash`, which hashes the exact text for the NER cache."""
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


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start_char, end_char) of each of the body's paragraphs (separated by blank lines), in
    order: the `paragraph_no` of a paragraph is its index here.

    Every character of the body is in a paragraph or in a blank-line break between two; a body
    without blank lines is one paragraph."""
    spans = []
    start = 0
    for piece, is_paragraph in split_paragraphs(body):
        if is_paragraph:
            spans.append((start, start + len(piece)))
        start += len(piece)
    return spans


def article_paragraphs(body: str) -> list[Paragraph]:
    """The body's paragraphs (`paragraph_spans`) with their identities and normalised words."""
    paragraphs = []
    for number, (start, end) in enumerate(paragraph_spans(body)):
        normalised = normalise_paragraph(body[start:end])
        paragraphs.append(Paragraph(number, start, end, _identity_of_normalised(normalised), tuple(normalised.split())))
    return paragraphs


def paragraph_at(spans: Sequence[tuple[int, int]], char_offset: int) -> int | None:
    """The `paragraph_no` of the paragraph holding `char_offset`, or None for an offset in a
    break between paragraphs or outside them (the rule of sql/stories/set_fact_paragraphs.sql).
    `spans` as `paragraph_spans` returns them."""
    index = bisect_right([start for start, _ in spans], char_offset) - 1
    if index < 0 or char_offset >= spans[index][1]:
        return None
    return index


# --- sketches --------------------------------------------------------------------------------

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


# --- similarity ------------------------------------------------------------------------------

def similarity(values_a: np.ndarray, values_b: np.ndarray) -> float:
    """MinHash estimate of the Jaccard similarity of two articles' shingles (the share of
    positions where the signatures agree)."""
    if len(values_a) != len(values_b):
        raise ValueError("signatures of different lengths (made with other settings)")
    return float(np.count_nonzero(values_a == values_b)) / len(values_a)


def containment(jaccard: float, count_a: int, count_b: int) -> float:
    """Estimated share of the smaller shingle set that is in the other one.

    |A and B| = J * (|A| + |B|) / (1 + J), from J = |A and B| / (|A| + |B| - |A and B|)."""
    if min(count_a, count_b) == 0:
        return 0.0
    overlap = jaccard * (count_a + count_b) / (1 + jaccard)
    return min(1.0, overlap / min(count_a, count_b))


def story_similarity(a: StorySketch | StoryCandidate, b: StorySketch | StoryCandidate,
                     settings: StorySettings = StorySettings()) -> float:
    """How much of the shorter article the longer one tells (estimated containment), or 0.0
    when their Jaccard is under `settings.min_jaccard` (too few agreeing positions for the
    containment estimate to mean anything). Two articles tell the same story when this is at
    least `settings.min_containment`."""
    jaccard = similarity(a.signature, b.signature)
    if jaccard < settings.min_jaccard or min(a.shingle_count, b.shingle_count) == 0:
        return 0.0
    return containment(jaccard, a.shingle_count, b.shingle_count)


# --- stories ---------------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class StoryCandidate:
    """An article already in the warehouse that shares a lookup key (`story_keys`) with a new one."""
    article_id: str
    story_id: str
    signature: np.ndarray = field(repr=False)
    shingle_count: int
    distinctive_paragraphs: tuple[str, ...] = ()
    published: date | None = None


def within_days(a: date | None, b: date | None, days: int) -> bool:
    """Published close enough to be one story (an unknown date does not rule it out)."""
    return a is None or b is None or abs((a - b).days) <= days


@dataclass(frozen=True)
class StoryAssignment:
    article_id: str
    story_id: str
    closest_article_id: str | None   # the most similar earlier article it was matched with
    similarity: float | None         # their `story_similarity`; None when it starts a story


def assign_stories(new: Sequence[StorySketch], earlier: Sequence[StoryCandidate],
                   settings: StorySettings = StorySettings()) -> list[StoryAssignment]:
    """Each new article (in arrival order) in the story of its closest earlier article.

    "Earlier" is every candidate and every article before it in `new`. Only articles sharing a
    lookup key (`story_keys`) are compared, as in the warehouse. The closest is the highest `story_similarity`
    (ties: the smaller article id) among those published within `settings.max_days` of it; if it
    is under `settings.min_containment` (or 0: nothing in common) the article starts its own
    story, whose id is its article id. Stories are never merged: an article close to
    two stories joins the closest. An article is never compared with itself (same id)."""
    index: dict[str, list[StoryCandidate]] = defaultdict(list)
    for candidate in earlier:
        for key in story_keys(candidate.signature, candidate.distinctive_paragraphs, settings):
            index[key].append(candidate)

    assignments = []
    for article in new:
        seen: dict[str, StoryCandidate] = {}
        keys = story_keys(article.signature, article.distinctive_paragraphs, settings)
        for key in keys:
            for candidate in index.get(key, ()):
                if candidate.article_id != article.article_id and \
                        within_days(article.published, candidate.published, settings.max_days):
                    seen[candidate.article_id] = candidate
        scored = [(story_similarity(article, candidate, settings), candidate) for candidate in seen.values()]
        # `score > 0`: under the Jaccard floor the similarity is 0, which a threshold of 0 would take.
        matches = [(score, candidate) for score, candidate in scored if score >= settings.min_containment and score > 0]
        if matches:
            score, closest = min(matches, key=lambda match: (-match[0], match[1].article_id))
            assignment = StoryAssignment(article.article_id, closest.story_id, closest.article_id, score)
        else:
            assignment = StoryAssignment(article.article_id, article.article_id, None, None)
        assignments.append(assignment)
        as_candidate = StoryCandidate(article.article_id, assignment.story_id, article.signature,
                                      article.shingle_count, article.distinctive_paragraphs, article.published)
        for key in keys:
            index[key].append(as_candidate)
    return assignments

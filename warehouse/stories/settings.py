"""How articles are sketched, found and judged to tell the same story: `StorySettings`, with
the evidence for each value."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from datasketch import MinHashLSH

from warehouse.config import DEFAULT_STORY_MAX_DAYS, DEFAULT_STORY_MIN_CONTAINMENT, DEFAULT_STORY_MIN_JACCARD


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
      compared (`placement.settings_tag`). The two decision thresholds change no stored
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

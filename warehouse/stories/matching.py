"""The story decision: `assign_stories` puts each new article in the story of its closest earlier
article, or starts a new story.

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

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

import numpy as np

from warehouse.stories.settings import StorySettings
from warehouse.stories.sketches import StorySketch, story_keys


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

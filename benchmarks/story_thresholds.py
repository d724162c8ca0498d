"""Evidence for the story settings: how close each article is to its closest earlier article.

Runs over the FakeDeS corpus (`../shared/corpus/fakedes2021_true.jsonl`) and the two samples in
`seeds/articles/`, in that order, and prints:
- the distribution of each article's similarity (`story_similarity`, estimated containment) and
  exact 3-shingle containment and Jaccard to its closest earlier article, over all earlier
  articles (not only lookup candidates), so the margin under the threshold is visible;
- the 30 closest pairs, with both titles;
- the labelled pairs of `tests/data/story_pairs.jsonl`: lowest related vs highest unrelated;
- the stories with more than one article at the default settings (found through lookup keys,
  as the warehouse will) and the count of stories by size;
- the time to sketch an article and to assign the whole set as one batch.

    python benchmarks/story_thresholds.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from warehouse.reading.articles import parse_file_text  # noqa: E402
from warehouse.stories.matching import assign_stories, containment, similarity, story_similarity  # noqa: E402
from warehouse.stories.settings import StorySettings  # noqa: E402
from warehouse.stories.sketches import band_keys, shingles, sketch  # noqa: E402

CORPUS = REPO / ".." / "shared" / "corpus" / "fakedes2021_true.jsonl"
SAMPLES = REPO / "seeds" / "articles"
PAIRS = REPO / "tests" / "data" / "story_pairs.jsonl"


def read_articles() -> list[tuple[str, str, str]]:
    """(article_id, title, body) of the corpus, then the samples."""
    articles = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        parsed = parse_file_text(line, "fakedes2021_true.jsonl").articles
        articles.extend((article.article_id, f"[{article.outlet}] {article.title}", article.body)
                        for article in parsed)
    for path in sorted(SAMPLES.glob("*.txt")):
        for article in parse_file_text(path.read_text(encoding="utf-8"), path.name).articles:
            title = article.title or article.body[:80] + "..."
            articles.append((article.article_id, f"[sample {path.name}] {title}", article.body))
    return articles


def exact(a: set[str], b: set[str]) -> tuple[float, float]:
    """(containment in the smaller, Jaccard) of two shingle sets."""
    overlap = len(a & b)
    if not overlap:
        return 0.0, 0.0
    return overlap / min(len(a), len(b)), overlap / len(a | b)


def percentiles(values: list[float]) -> str:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return "  ".join(f"p{p}={cuts[p - 1]:.3f}" for p in (50, 90, 95, 99)) + f"  max={max(values):.3f}"


def main() -> None:
    settings = StorySettings()
    articles = read_articles()
    print(f"{len(articles)} articles; settings {settings}; bands x rows {settings.bands}\n")

    started = time.perf_counter()
    sketches = [sketch(article_id, body, settings) for article_id, _, body in articles]
    keys = [band_keys(one.signature, settings) for one in sketches]
    per_article_ms = (time.perf_counter() - started) / len(articles) * 1000
    shingle_sets = [shingles(body, settings.shingle_size) for _, _, body in articles]
    titles = {article_id: title for article_id, title, _ in articles}

    # Closest earlier article by estimated containment, over all earlier articles.
    closest = []
    for position, one in enumerate(sketches[1:], start=1):
        scored = []
        for earlier in range(position):
            jaccard = similarity(one.signature, sketches[earlier].signature)
            estimate = containment(jaccard, one.shingle_count, sketches[earlier].shingle_count)
            scored.append((story_similarity(one, sketches[earlier], settings), estimate, jaccard, earlier))
        score, estimate, jaccard, earlier = max(scored, key=lambda item: (item[0], item[1]))
        exact_containment, exact_jaccard = exact(shingle_sets[position], shingle_sets[earlier])
        shared_bands = len(set(keys[position]) & set(keys[earlier]))
        closest.append((score, estimate, jaccard, exact_containment, exact_jaccard, shared_bands, earlier, position))

    print("Closest earlier article: distribution")
    print(f"  story_similarity (0 under the Jaccard floor): {percentiles([item[0] for item in closest])}")
    print(f"  estimated containment:                        {percentiles([item[1] for item in closest])}")
    print(f"  estimated Jaccard:                            {percentiles([item[2] for item in closest])}")
    print(f"  exact containment:                            {percentiles([item[3] for item in closest])}")
    print(f"  exact Jaccard:                                {percentiles([item[4] for item in closest])}")

    print("\nTop 30 pairs (article and its closest earlier article), by estimated containment")
    print("  sim    est.C  est.J  exact.C exact.J bands")
    for score, estimate, jaccard, exact_c, exact_j, bands, earlier, position in sorted(closest, key=lambda item: (-item[1], -item[2]))[:30]:
        print(f"  {score:.3f}  {estimate:.3f}  {jaccard:.3f}  {exact_c:.3f}   {exact_j:.3f}   {bands:3d}  "
              f"{titles[sketches[position].article_id][:70]}\n{'':48s}~ {titles[sketches[earlier].article_id][:70]}")

    print("\nLabelled pairs (tests/data/story_pairs.jsonl)")
    related, unrelated = [], []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        a, b = sketch("a", pair["a"]["text"], settings), sketch("b", pair["b"]["text"], settings)
        exact_c, exact_j = exact(shingles(pair["a"]["text"], settings.shingle_size),
                                 shingles(pair["b"]["text"], settings.shingle_size))
        jaccard = similarity(a.signature, b.signature)
        estimate = containment(jaccard, a.shingle_count, b.shingle_count)
        (related if pair["same_story"] else unrelated).append((estimate, pair["name"]))
        print(f"  {'same' if pair['same_story'] else 'diff'}  sim={story_similarity(a, b, settings):.3f} "
              f"est.C={estimate:.3f} est.J={jaccard:.3f} exact.C={exact_c:.3f} exact.J={exact_j:.3f}  {pair['name']}")
    low, high = min(related), max(unrelated)
    print(f"  lowest related {low[0]:.3f} ({low[1]}), highest unrelated {high[0]:.3f} ({high[1]}), "
          f"threshold {settings.min_containment}")
    corpus_high = max(closest[:-2], key=lambda item: item[1])
    print(f"  highest corpus closest-pair estimated containment {corpus_high[1]:.3f}, exact {corpus_high[3]:.3f}")

    print("\nShingle size: highest exact containment of an article in any earlier corpus article "
          "(all unrelated) vs the labelled pairs")
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    corpus_bodies = [body for _, title, body in articles if not title.startswith("[sample")]
    for size in (1, 2, 3, 4, 5):
        sets = [shingles(body, size) for body in corpus_bodies]
        highest = max(exact(sets[i], sets[j])[0] for i in range(len(sets)) for j in range(i))
        labelled = {pair["same_story"]: [] for pair in pairs}
        for pair in pairs:
            labelled[pair["same_story"]].append(exact(shingles(pair["a"]["text"], size), shingles(pair["b"]["text"], size))[0])
        print(f"  k={size}: corpus max {highest:.3f}; labelled unrelated max {max(labelled[False]):.3f}; "
              f"labelled related min {min(labelled[True]):.3f}; margin {min(labelled[True]) - max(highest, max(labelled[False])):.3f}")

    started = time.perf_counter()
    assignments = assign_stories(sketches, [], settings)
    assign_ms = (time.perf_counter() - started) * 1000
    stories = defaultdict(list)
    for assignment in assignments:
        stories[assignment.story_id].append(assignment)
    print("\nStories with more than one article (default settings, candidates through lookup keys)")
    for story_id, members in stories.items():
        if len(members) > 1:
            print(f"  story {story_id[:12]}")
            for member in members:
                joined = f" (sim {member.similarity:.3f} to {member.closest_article_id[:12]})" if member.similarity else ""
                print(f"    {member.article_id[:12]} {titles[member.article_id][:80]}{joined}")
    sizes = Counter(len(members) for members in stories.values())
    print("Stories by size: " + ", ".join(f"{size} article(s): {count}" for size, count in sorted(sizes.items())))

    print(f"\nTiming: sketch + band keys {per_article_ms:.2f} ms per article; "
          f"assign_stories over the batch of {len(sketches)}: {assign_ms:.0f} ms "
          f"({assign_ms / len(sketches):.2f} ms per article)")


if __name__ == "__main__":
    main()

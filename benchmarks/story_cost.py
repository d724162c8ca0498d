"""What placing a new article in its story costs in a warehouse of N articles (issue 7).

Builds warehouses of N = 100, 1,000 and 10,000 distinct articles (the corpus cycled, every third
word of a cycle's copy replaced by a word of that cycle, so no two copies share a shingle or a
paragraph and each is a story of its own, like unrelated news), then times adding new articles:
one at a time (`--single` of them) and in a batch of `--batch` (as a run adds them). Each time is
`place_pending_stories`: sketch, key lookup, comparison with the candidates, one transaction.
Prints a table of medians and the ratio of the largest N to the smallest.

    .venv/bin/python benchmarks/story_cost.py [--sizes 100,1000,10000] [--single 20] [--batch 100]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from warehouse import db, load, story_assignment  # noqa: E402
from warehouse.articles import make_article  # noqa: E402
from warehouse.extract import Extraction  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "fakedes2021_true.jsonl"
FALLBACK = REPO / "tests" / "data" / "corpus_sample.jsonl"


def corpus_texts() -> list[str]:
    path = CORPUS if CORPUS.exists() else FALLBACK
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def variant(text: str, cycle: int) -> str:
    """The text with every third word replaced by a word of this cycle (cycle 0: as is)."""
    if cycle == 0:
        return text
    out, count = [], 0
    for paragraph in text.split("\n\n"):
        words = paragraph.split(" ")
        for index in range(0, len(words), 3):
            words[index] = f"v{cycle}x{count}"
            count += 1
        out.append(" ".join(words))
    return "\n\n".join(out)


def articles(texts: list[str], start: int, count: int) -> list:
    made = []
    for number in range(start, start + count):
        body = variant(texts[number % len(texts)], number // len(texts))
        made.append(make_article(title=f"Artículo {number}", body=body, published=None,
                                 source_path=f"bench/{number}.txt", position=0))
    return made


def add(engine, batch: list) -> float:
    """Seconds to place `batch` (loaded first, untimed) in stories."""
    load.load_batch(engine, load.LoadBatch(run_id="bench", extractor_version="bench", articles=batch,
                                           extractions=[Extraction(a.article_id, (), (), ()) for a in batch]))
    started = time.perf_counter()
    placed = story_assignment.place_pending_stories(engine)
    seconds = time.perf_counter() - started
    if placed.articles != len(batch):
        raise SystemExit(f"placed {placed.articles} of {len(batch)} articles")
    return seconds


def measure(size: int, texts: list[str], single: int, batch: int, work: Path) -> dict:
    engine = db.connect(work / f"stories{size}.duckdb")
    db.prepare(engine)
    for start in range(0, size, 1000):
        add(engine, articles(texts, start, min(1000, size - start)))
    singles = [add(engine, articles(texts, size + n, 1)) for n in range(single)]
    batched = add(engine, articles(texts, size + single, batch))
    with engine.connect() as conn:
        keys = conn.exec_driver_sql("select count(*) from story_keys").scalar_one()
        stories = conn.exec_driver_sql("select count(distinct story_id) from articles").scalar_one()
    engine.dispose()
    return {"articles": size, "story_keys": keys, "stories": stories,
            "single_ms_median": 1000 * statistics.median(singles),
            "batch_ms_per_article": 1000 * batched / batch}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--single", type=int, default=20, help="articles added one at a time")
    parser.add_argument("--batch", type=int, default=100, help="articles added as one batch")
    args = parser.parse_args(argv)
    texts = corpus_texts()
    results = []
    with tempfile.TemporaryDirectory(prefix="story-cost-") as work:
        for size in (int(part) for part in args.sizes.split(",")):
            print(f"N={size}: building ...", flush=True)
            results.append(measure(size, texts, args.single, args.batch, Path(work)))
    print(f"\n{'N':>7} {'key rows':>9} {'stories':>8} {'one article (median ms)':>24} {'in a batch (ms/article)':>24}")
    for r in results:
        print(f"{r['articles']:>7,} {r['story_keys']:>9,} {r['stories']:>8,} {r['single_ms_median']:>24.2f} "
              f"{r['batch_ms_per_article']:>24.2f}")
    small, large = results[0], results[-1]
    print(f"\nN={large['articles']:,} vs N={small['articles']:,}: one article "
          f"{large['single_ms_median'] / small['single_ms_median']:.2f}x, in a batch "
          f"{large['batch_ms_per_article'] / small['batch_ms_per_article']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

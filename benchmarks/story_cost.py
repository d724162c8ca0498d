"""What placing a new article in its story costs in a warehouse of N articles (issue 7).

Builds warehouses of N = 100, 1,000 and 10,000 distinct articles, published `--per-day` a day
(the corpus cycled, every third word of a cycle's copy replaced by a word of that cycle, so no
two copies share a shingle or a paragraph and each is a story of its own, like unrelated news),
checkpoints them as a run's end does, then, in a new process as a new run is, times adding the
next articles of the stream: one at a time, dated the next day (`--single` of them); one at a
time with no date (`--single` of them: compared with every date, so its key lookup reads every
key); and batches of `--batch` (median of 5). The story rows of each are removed again once
timed, so every one is looked up among exactly N articles. Each time is what a run does after
loading a batch, `placement.place_articles`: sketch, key lookup, comparison with the
candidates, one transaction. Each warehouse is measured `--repeats` times, each in a new
process on a fresh copy, round after round over the sizes. Prints a table of medians and the
ratio of the largest N to the smallest.

    .venv/bin/python benchmarks/story_cost.py [--sizes 100,1000,10000] [--single 100] [--batch 100]
                                              [--per-day 100] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from warehouse.extraction.extract import Extraction  # noqa: E402
from warehouse.reading.articles import make_article  # noqa: E402
from warehouse.storage import db, load  # noqa: E402
from warehouse.stories import placement  # noqa: E402

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


FIRST_DAY = date(2025, 1, 1)
BATCHES = 5          # batches of `--batch` timed, the median reported


def articles(texts: list[str], start: int, count: int, per_day: int | None) -> list:
    """Articles `start`.. of the stream: article n published on day n // per_day (None: undated)."""
    made = []
    for number in range(start, start + count):
        body = variant(texts[number % len(texts)], number // len(texts))
        published = FIRST_DAY + timedelta(days=number // per_day) if per_day else None
        made.append(make_article(title=f"Artículo {number}", body=body, published=published,
                                 source_path=f"bench/{number}.txt", position=0))
    return made


def add(engine, batch: list) -> float:
    """Seconds to place `batch` (loaded first, untimed) in stories."""
    loaded = load.load_batch(engine, load.LoadBatch(run_id="bench", extractor_version="bench", articles=batch,
                                                    extractions=[Extraction(a.article_id, (), (), ()) for a in batch]))
    started = time.perf_counter()
    placed = placement.place_articles(engine, loaded.article_ids)
    seconds = time.perf_counter() - started
    if placed.articles != len(batch):
        raise SystemExit(f"placed {placed.articles} of {len(batch)} articles")
    return seconds


# What placing an article stored, removed again after it was timed (benchmark only: the warehouse
# never deletes), so every timed article is looked up among the keys and sketches of exactly N
# articles, not N plus the ones timed before. The article rows stay (read by primary key only):
# DuckDB cannot delete from `articles` in a warehouse whose migrations renamed a table that
# referenced it (duckdb/duckdb#24648, open: "Table with name deliveries_per_run does not exist").
_REMOVE = [f"delete from {table} where article_id in (select unnest($1::varchar[]))"
           for table in ("story_keys", "article_sketches", "article_paragraphs")]


def add_and_remove(engine, batch: list) -> float:
    seconds = add(engine, batch)
    with engine.begin() as conn:
        for statement in _REMOVE:
            conn.exec_driver_sql(statement, ([a.article_id for a in batch],))
    return seconds


def build(path: Path, size: int, per_day: int) -> None:
    """The warehouse of `size` articles, placed in stories in batches of 1,000 and checkpointed
    as the end of the runs that stored them leaves it."""
    texts = corpus_texts()
    engine = db.connect(path)
    db.prepare(engine)
    for start in range(0, size, 1000):
        add(engine, articles(texts, start, min(1000, size - start), per_day))
    db.checkpoint(engine)
    engine.dispose()


def measure(path: Path, size: int, single: int, batch: int, per_day: int) -> dict:
    """Times of adding the next articles of the stream to the warehouse at `path`, as a new run
    (a new process opening the file) does."""
    texts = corpus_texts()
    engine = db.connect(path)
    # The next articles of the stream: the day after the warehouse's last (a new day's first).
    next_article = -(-size // per_day) * per_day
    with engine.connect() as conn:
        keys = conn.exec_driver_sql("select count(*) from story_keys").scalar_one()
        stories = conn.exec_driver_sql("select count(distinct story_id) from articles").scalar_one()
    singles = [add_and_remove(engine, articles(texts, next_article + n, 1, per_day)) for n in range(single)]
    undated = [add_and_remove(engine, articles(texts, next_article + single + n, 1, None)) for n in range(single)]
    batched = [add_and_remove(engine, articles(texts, next_article + 2 * single + n * batch, batch, per_day))
               for n in range(BATCHES)]
    engine.dispose()
    return {"articles": size, "story_keys": keys, "stories": stories,
            "single_ms_median": 1000 * statistics.median(singles),
            "undated_single_ms_median": 1000 * statistics.median(undated),
            "batch_ms_per_article": 1000 * statistics.median(batched) / batch}


def summarise(measured: list[dict]) -> dict:
    """The median over repeated measurements of one warehouse, and the spread of one article."""
    first = measured[0]
    summary = {key: first[key] for key in ("articles", "story_keys", "stories")}
    for key in ("single_ms_median", "undated_single_ms_median", "batch_ms_per_article"):
        summary[key] = statistics.median(m[key] for m in measured)
    summary["single_ms_low"] = min(m["single_ms_median"] for m in measured)
    summary["single_ms_high"] = max(m["single_ms_median"] for m in measured)
    return summary


def in_new_process(function, *args):
    """`function(*args)` in a fresh interpreter: each measurement starts as a run does, not in a
    process that has just built 10,000 articles (measured: that alone made the same warehouse
    2-3 ms slower per article)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--single", type=int, default=100, help="articles added one at a time (each kind)")
    parser.add_argument("--batch", type=int, default=100, help="articles added as one batch")
    parser.add_argument("--per-day", type=int, default=100, help="articles published a day in the stream")
    parser.add_argument("--repeats", type=int, default=3,
                        help="measurements of each warehouse, each in a new process on a fresh copy")
    args = parser.parse_args(argv)
    sizes = [int(part) for part in args.sizes.split(",")]
    rounds: dict[int, list[dict]] = {size: [] for size in sizes}
    with tempfile.TemporaryDirectory(prefix="story-cost-") as work:
        for size in sizes:
            print(f"N={size}: building ...", flush=True)
            in_new_process(build, Path(work) / f"stories{size}.duckdb", size, args.per_day)
        # Round after round over every size, so a machine that slows down for a while slows all
        # sizes alike; processes differ by +-10 % on this machine, hence the repeats.
        for repeat in range(args.repeats):
            for size in sizes:
                copy = Path(work) / f"measured{size}.duckdb"
                shutil.copyfile(Path(work) / f"stories{size}.duckdb", copy)
                rounds[size].append(in_new_process(measure, copy, size, args.single, args.batch, args.per_day))
                copy.unlink()
            print(f"round {repeat + 1} of {args.repeats} measured", flush=True)
    results = [summarise(rounds[size]) for size in sizes]
    print(f"\n{args.per_day} articles published a day; medians of {args.repeats} processes' medians "
          f"(one article: lowest-highest of those)")
    print(f"{'N':>7} {'key rows':>9} {'stories':>8} {'one article (ms)':>17} {'(range)':>13} "
          f"{'one undated (ms)':>17} {'in a batch (ms/article)':>24}")
    for r in results:
        print(f"{r['articles']:>7,} {r['story_keys']:>9,} {r['stories']:>8,} {r['single_ms_median']:>17.2f} "
              f"{r['single_ms_low']:>6.2f}-{r['single_ms_high']:<6.2f} "
              f"{r['undated_single_ms_median']:>17.2f} {r['batch_ms_per_article']:>24.2f}")
    small, large = results[0], results[-1]
    print(f"\nN={large['articles']:,} vs N={small['articles']:,}: one article "
          f"{large['single_ms_median'] / small['single_ms_median']:.2f}x, one undated article "
          f"{large['undated_single_ms_median'] / small['undated_single_ms_median']:.2f}x, in a batch "
          f"{large['batch_ms_per_article'] / small['batch_ms_per_article']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Cost of the figure pass against NER on the same texts (issue: figures must cost < 5 % of NER).

    .venv/bin/python benchmarks/figures_cost.py [--articles 100] [--repeats 5]

Reads the first N articles of ../shared/corpus (or tests/data/corpus_sample.jsonl when the
corpus is absent), tags them once with the project's spaCy pipeline (`load_pipeline`: tok2vec,
ner, senter and our components), then runs `extract_amounts` over the same texts `repeats`
times. Prints the NER seconds, the median figure-pass seconds and their ratio. One run on a
shared machine: compare ratios, not absolute seconds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from warehouse.amounts import extract_amounts
from warehouse.entities import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "fakedes2021_true.jsonl"
FALLBACK = ROOT / "tests" / "data" / "corpus_sample.jsonl"


def texts(limit: int) -> list[str]:
    path = CORPUS if CORPUS.exists() else FALLBACK
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line)["text"] for line in handle]
    while len(rows) < limit:
        rows += rows
    return rows[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    bodies = texts(args.articles)
    words = sum(len(b.split()) for b in bodies)
    nlp = load_pipeline()
    list(nlp.pipe(bodies[:5]))  # warm-up: first call builds caches
    start = time.perf_counter()
    for _ in nlp.pipe(bodies, batch_size=32):
        pass
    ner = time.perf_counter() - start
    passes = []
    figures = 0
    for _ in range(args.repeats):
        start = time.perf_counter()
        figures = sum(len(extract_amounts(b)) for b in bodies)
        passes.append(time.perf_counter() - start)
    median = statistics.median(passes)
    print(f"articles {len(bodies)}  words {words}  figures {figures}")
    print(f"NER pipeline      {ner:8.3f} s  ({words / ner:,.0f} words/s)")
    print(f"figure pass       {median:8.3f} s  (median of {args.repeats}: "
          f"{', '.join(f'{p:.3f}' for p in passes)})")
    print(f"figures / NER     {median / ner:8.1%}  (target < 5 %)")


if __name__ == "__main__":
    main()

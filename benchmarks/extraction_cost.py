"""Cost of figure extraction, place resolution and entity post-processing against NER on the same texts.

    .venv/bin/python benchmarks/extraction_cost.py [--articles 100] [--repeats 5]

Reads the first N articles of ../shared/corpus (or tests/data/corpus_sample.jsonl when the
corpus is absent). NER is the tagging stage (the sentence rules and the model's ner) over the texts;
entity post-processing is the rest of our pipeline (known-name ruler, dateline, noise filter,
typer) plus `canonicalise`, timed by running the full pipeline and subtracting NER; the figure
pass is `extract_amounts` over the same texts; the place pass is `resolve_article_places` over
the pipeline's mentions (its index built before timing: once per worker, at its start). Medians
of `repeats` runs; targets: figures and places < 5 % and entity post-processing < 10 % of NER time. One run on a shared machine: compare
ratios, not absolute seconds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from warehouse.extraction.amounts import extract_amounts
from warehouse.extraction.canonical import canonicalise
from warehouse.extraction.extract import TAGGING_COMPONENTS
from warehouse.extraction.pipeline import doc_mentions, load_pipeline
from warehouse.extraction.place_resolution import place_index, resolve_article_places

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


def _median_seconds(action, repeats: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    bodies = texts(args.articles)
    words = sum(len(b.split()) for b in bodies)
    nlp = load_pipeline()
    ours = [name for name in nlp.pipe_names if name not in TAGGING_COMPONENTS]
    list(nlp.pipe(bodies[:5]))  # warm-up: first call builds caches

    def ner_only():
        with nlp.select_pipes(disable=ours):
            for _ in nlp.pipe(bodies, batch_size=32):
                pass

    def full_pipeline():
        for doc in nlp.pipe(bodies, batch_size=32):
            canonicalise(doc_mentions(doc))

    def figures():
        for body in bodies:
            extract_amounts(body)

    mentions = [canonicalise(doc_mentions(doc), body) for doc, body in zip(nlp.pipe(bodies, batch_size=32), bodies)]
    index_started = time.perf_counter()
    place_index()
    index_seconds = time.perf_counter() - index_started

    def places():
        for body, found in zip(bodies, mentions):
            resolve_article_places(found, body)

    ner, ner_runs = _median_seconds(ner_only, args.repeats)
    full, full_runs = _median_seconds(full_pipeline, args.repeats)
    fig, fig_runs = _median_seconds(figures, max(args.repeats, 5))
    place, place_runs = _median_seconds(places, max(args.repeats, 5))
    post = max(full - ner, 0.0)
    print(f"articles {len(bodies)}  words {words}  (medians of {args.repeats} runs; figures of {len(fig_runs)})")
    print(f"NER (sentence rules, ner)       {ner:7.3f} s  {words / ner:8,.0f} words/s  runs {_runs(ner_runs)}")
    print(f"full entity pipeline            {full:7.3f} s  runs {_runs(full_runs)}")
    print(f"entity post-processing          {post:7.3f} s  {post / ner:6.1%} of NER  (target < 10 %)")
    print(f"figure pass                     {fig:7.3f} s  {fig / ner:6.1%} of NER  (target < 5 %)  runs {_runs(fig_runs)}")
    print(f"place pass                      {place:7.3f} s  {place / ner:6.1%} of NER  (target < 5 %)  runs "
          f"{_runs(place_runs)}; its index {index_seconds:.2f} s once per process")


def _runs(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


if __name__ == "__main__":
    main()

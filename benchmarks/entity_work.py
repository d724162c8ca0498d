"""Entity work against NER time, as the flow measures it (`StageSeconds` of `extract_texts`):
300 articles of both corpus files, one process, the pipeline and gazetteers loaded first; three
rounds over the same texts (tagged each time, no cache), each round's ratio and the median.

    .venv/bin/python benchmarks/entity_work.py [--rounds 3] [--articles 300]
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from warehouse.extraction.extract import StageSeconds, extract_texts
from warehouse.extraction.gazetteer import places
from warehouse.extraction.pipeline import load_pipeline

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FALLBACK = Path(__file__).resolve().parents[1] / "tests" / "data" / "entities_gold.jsonl"   # no ../shared here


def corpus_texts(count: int) -> list[str]:
    files = [CORPUS / f"{name}.jsonl" for name in ("fakedes2021_true", "fakedes2019_true")]
    if not all(path.exists() for path in files):
        files = [FALLBACK]
    return [json.loads(line)["text"] for path in files for line in open(path, encoding="utf-8")][:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    rounds = args.rounds
    nlp = load_pipeline()
    places()
    texts = corpus_texts(args.articles)
    ratios = []
    for round_no in range(1, rounds + 1):
        seconds = StageSeconds()
        list(extract_texts(enumerate(texts), nlp=nlp, seconds=seconds))
        ratios.append((seconds.entity_rules + seconds.canonicalisation) / seconds.ner)
        print(f"round {round_no}:", {name: round(value, 2) for name, value in seconds.__dict__.items()},
              f"entity work / NER = {ratios[-1]:.1%}", flush=True)
    print(f"entity work (rules, learned typer, canonical names) / NER, median of {rounds}: "
          f"{statistics.median(ratios):.1%} (target < 15 %)")


if __name__ == "__main__":
    main()

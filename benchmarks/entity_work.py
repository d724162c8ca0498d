"""Entity work against NER time, as the flow measures it (`StageSeconds` of `extract_texts`):
300 articles of both corpus files, one process, the pipeline and gazetteers loaded first.

    .venv/bin/python benchmarks/entity_work.py
"""

from __future__ import annotations

import json
from pathlib import Path

from warehouse.extraction.extract import StageSeconds, extract_texts
from warehouse.extraction.gazetteer import places
from warehouse.extraction.pipeline import load_pipeline

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> None:
    nlp = load_pipeline()
    places()
    texts = [json.loads(line)["text"] for name in ("fakedes2021_true", "fakedes2019_true")
             for line in open(CORPUS / f"{name}.jsonl", encoding="utf-8")][:300]
    seconds = StageSeconds()
    list(extract_texts(enumerate(texts), nlp=nlp, seconds=seconds))
    entity = seconds.entity_rules + seconds.canonicalisation
    print({name: round(value, 2) for name, value in seconds.__dict__.items()})
    print(f"entity work (rules, learned typer, canonical names) / NER = {entity / seconds.ner:.1%} (target < 15 %)")


if __name__ == "__main__":
    main()

"""What both gold sets share: reading a gold JSONL file (spans checked against their text) and
precision / recall / F1 counts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


def read_gold_records(path: Path, items: str) -> Iterator[tuple[int, dict]]:
    """(line number, record) of a gold JSONL file, one article a line with its annotated
    `items` (`figures`, `entities`); each item's span is checked against the record's text."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            for item in record[items]:
                if record["text"][item["start"]:item["end"]] != item["text"]:
                    raise ValueError(f"{path}:{number}: span {item['start']}:{item['end']} is not {item['text']!r}")
            yield number, record


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

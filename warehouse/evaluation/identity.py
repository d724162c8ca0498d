"""Entity identity against a hand-made gold (`tests/data/entities_identity_gold.jsonl`): which
mentions are the same real-world entity, within and across articles, scored B-cubed.

For each mention, precision is the share of the mentions in its predicted entity that are in its
gold entity, recall the share of its gold entity in its predicted one; B-cubed P and R average
these over the mentions both sides have (a gold mention the pipeline did not find at that exact
span is a span error, scored by `eval entities`, not an identity error).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Mapping
from pathlib import Path

from warehouse.paths import PROJECT_ROOT

IDENTITY_GOLD = PROJECT_ROOT / "tests" / "data" / "entities_identity_gold.jsonl"

MentionKey = tuple[str, int, int]   # doc_id, start, end


def read_identity_gold(path: Path = IDENTITY_GOLD) -> dict[MentionKey, str]:
    """(doc_id, start, end) -> the gold entity's identifier."""
    gold = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                gold[(record["doc_id"], record["start"], record["end"])] = record["entity"]
    return gold


def b_cubed(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> tuple[float, float, float, int]:
    """B-cubed precision, recall, F1 over the mentions in both mappings, and their number."""
    shared = [m for m in gold if m in predicted]
    if not shared:
        return 0.0, 0.0, 0.0, 0
    gold_members, predicted_members = defaultdict(set), defaultdict(set)
    for m in shared:
        gold_members[gold[m]].add(m)
        predicted_members[predicted[m]].add(m)
    precision = recall = 0.0
    for m in shared:
        same_gold, same_predicted = gold_members[gold[m]], predicted_members[predicted[m]]
        both = len(same_gold & same_predicted)
        precision += both / len(same_predicted)
        recall += both / len(same_gold)
    precision, recall = precision / len(shared), recall / len(shared)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, len(shared)

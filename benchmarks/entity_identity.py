"""Entity identity, B-cubed, on the identity gold: its articles loaded by `news-warehouse run`
into a fresh warehouse (canonical names in each article, then the warehouse-wide steps: short
names linked, labels voted), then each gold mention's entity compared with the gold's.

    .venv/bin/python benchmarks/entity_identity.py [--errors]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import duckdb

from warehouse.evaluation.entities import read_entities_gold
from warehouse.evaluation.identity import b_cubed, read_identity_gold


def main() -> int:
    gold = read_identity_gold()
    doc_ids = sorted({doc for doc, _, _ in gold})
    articles = {a.doc_id: a for a in read_entities_gold() if a.doc_id in doc_ids}
    sources = {json.loads(line)["doc_id"]: json.loads(line)["source"]
               for line in open(Path(__file__).parents[1] / "tests/data/entities_gold.jsonl", encoding="utf-8")}
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        with open(inbox / "identity.jsonl", "w", encoding="utf-8") as out:
            for doc_id in doc_ids:
                out.write(json.dumps({"id": doc_id, "title": doc_id, "text": articles[doc_id].text,
                                      "source": sources[doc_id]}, ensure_ascii=False) + "\n")
        db = Path(tmp) / "identity.duckdb"
        subprocess.run([sys.executable, "-m", "warehouse.cli", "run", "--inbox", str(inbox), "--db", str(db)],
                       check=True, capture_output=True)
        con = duckdb.connect(str(db), read_only=True)
        rows = con.execute("select a.body, m.start_char, m.end_char, e.entity_id, e.name from mentions m "
                           "join articles a using (article_id) join entities e using (entity_id)").fetchall()
    doc_of_body = {articles[d].text: d for d in doc_ids}
    predicted, names = {}, {}
    for body, start, end, entity, name in rows:
        if body in doc_of_body:
            predicted[(doc_of_body[body], start, end)] = entity
            names[entity] = name
    precision, recall, f1, shared = b_cubed(gold, predicted)
    print(f"identity: {len(doc_ids)} articles, {len(gold)} gold mentions, {shared} found at their exact span; "
          f"B-cubed P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    if "--errors" in sys.argv:
        by_gold = defaultdict(set)
        for m, g in gold.items():
            if m in predicted:
                by_gold[g].add(names[predicted[m]])
        for g, found in sorted(by_gold.items()):
            if len(found) > 1:
                print(f"  split: {g!r} -> {sorted(found)}")
        by_predicted = defaultdict(set)
        for m, p in predicted.items():
            if m in gold:
                by_predicted[names[p]].add(gold[m])
        for p, wanted in sorted(by_predicted.items()):
            if len(wanted) > 1:
                print(f"  merged: {p!r} <- {sorted(wanted)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The `news-warehouse extract` contract: JSON Lines `{"id", "text"}` in, one JSON line out per
input record, in order, streaming (README, "The `extract` contract")."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import IO, Any

from spacy.language import Language

from warehouse.extraction.extract import Extraction, extract_texts
from warehouse.reading.articles import body_problem

# The contract answers each record before reading the next, so a tool that writes a line and waits
# for its answer never deadlocks. Measured here on 150 corpus articles: nlp.pipe batch 1 took
# 6.6-6.8 s, batch 32 6.8-7.0 s (this CPU model gains nothing from batching).
CONTRACT_BATCH_SIZE = 1


def decimal_string(value: Decimal) -> str:
    """`Decimal('3E+10')` -> `'30000000000'`; `Decimal('15.50')` -> `'15.5'`."""
    return format(value.normalize(), "f")


def contract_record(extraction: Extraction) -> dict:
    """The `news-warehouse extract` JSON object for one input record (README, "extract")."""
    return {
        "id": extraction.article_id,
        "entities": [
            {"start": m.start, "end": m.end, "text": m.text, "label": m.label, "entity": m.entity_name}
            for m in extraction.mentions
        ],
        "amounts": [
            {"start": a.start, "end": a.end, "text": a.text, "kind": a.kind,
             "value": decimal_string(a.value), "unit": a.unit, "object": a.object,
             "qualifier": a.qualifier}
            for a in extraction.amounts
        ],
    }


def run_extract_contract(lines: Iterable[str | bytes], out: IO[str], *, nlp: Language | None = None) -> int:
    """The `news-warehouse extract` contract: JSONL `{"id", "text"}` in, one JSONL line out per
    input record, in order, streaming. A line that is not such a record still gets its output
    line, with empty lists and an `error`, so outputs stay aligned with inputs. Returns the
    number of records that had an error."""
    errors = 0

    def records() -> Iterator[tuple[tuple[Any, str | None], str]]:
        nonlocal errors
        for number, line in enumerate(lines, start=1):
            if isinstance(line, bytes):
                try:
                    line = line.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as error:
                    errors += 1
                    yield (None, f"line {number}: not UTF-8 text ({error.reason})"), ""
                    continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                errors += 1
                yield (None, f"line {number}: invalid JSON: {error.msg}"), ""
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                errors += 1
                key = record.get("id") if isinstance(record, dict) else None
                yield (key, f"line {number}: expected an object with a string 'text'"), ""
                continue
            if too_long := body_problem(record["text"]):
                errors += 1
                yield (record.get("id"), f"line {number}: {too_long}"), ""
                continue
            yield (record.get("id"), None), record["text"]

    for extraction in extract_texts(records(), nlp=nlp, batch_size=CONTRACT_BATCH_SIZE):
        key, error = extraction.article_id
        output = contract_record(extraction) | {"id": key}
        if error:
            output["error"] = error
        out.write(json.dumps(output, ensure_ascii=False) + "\n")
        out.flush()
    return errors

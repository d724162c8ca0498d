"""The `news-warehouse extract` contract: JSON Lines `{"id", "text"[, "date"]}` in, one JSON line
out per input record, in order, streaming (README, "The `extract` contract")."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import IO, Any

from spacy.language import Language

from warehouse.extraction.amounts import Amount
from warehouse.extraction.currency_conversion import convert_amount
from warehouse.extraction.extract import Extraction, extract_texts
from warehouse.extraction.place_resolution import Resolved
from warehouse.reading.articles import body_problem

# The contract answers each record before reading the next, so a tool that writes a line and waits
# for its answer never deadlocks. Measured here on 150 corpus articles: nlp.pipe batch 1 took
# 6.6-6.8 s, batch 32 6.8-7.0 s (this CPU model gains nothing from batching).
CONTRACT_BATCH_SIZE = 1


def decimal_string(value: Decimal) -> str:
    """`Decimal('3E+10')` -> `'30000000000'`; `Decimal('15.50')` -> `'15.5'`."""
    return format(value.normalize(), "f")


def _decimal_or_none(value: Decimal | None) -> str | None:
    return None if value is None else decimal_string(value)


def contract_amount(amount: Amount, published: date | None, run_day: date) -> dict:
    """One amount of the contract. The fields after `qualifier` were added later (issue 18);
    readers of the first fields are unaffected."""
    record = {"start": amount.start, "end": amount.end, "text": amount.text, "kind": amount.kind,
              "value": decimal_string(amount.value), "unit": amount.unit, "object": amount.object,
              "qualifier": amount.qualifier, "value_high": _decimal_or_none(amount.value_high),
              "unit_inferred": amount.unit_inferred, "per_value": _decimal_or_none(amount.per_value),
              "per_unit": amount.per_unit, "restates": amount.restates}
    c = convert_amount(amount.kind, amount.unit, amount.value, published, run_day)
    if c is not None:
        record |= {"value_eur": _decimal_or_none(c.value_eur), "value_usd": _decimal_or_none(c.value_usd),
                   "rate_date": c.rate_date.isoformat() if c.rate_date else None,
                   "rate_source": c.rate_source, "rate_note": c.note}
    return record


def contract_place(resolved: Resolved | None) -> dict | None:
    """The place an entity mention was resolved to (issue 19), or None."""
    if resolved is None or resolved.place is None:
        return None
    p = resolved.place
    return {"place_id": p.place_id, "kind": p.kind, "name": p.name, "country_code": p.country_code,
            "region_code": p.region_code, "admin1_code": p.admin1_code, "admin1_name": p.admin1_name,
            "geonameid": p.geonameid, "latitude": p.latitude, "longitude": p.longitude, "how": resolved.how}


def contract_record(extraction: Extraction, published: date | None = None, run_day: date | None = None) -> dict:
    """The `news-warehouse extract` JSON object for one input record (README, "extract"); money
    is converted at `published`, else at `run_day` (today). `place` and `dateline_country` were
    added later (issue 19)."""
    run_day = run_day or date.today()
    places = extraction.places or (None,) * len(extraction.mentions)
    return {
        "id": extraction.article_id,
        "entities": [
            {"start": m.start, "end": m.end, "text": m.text, "label": m.label, "entity": m.entity_name,
             "place": contract_place(r)}
            for m, r in zip(extraction.mentions, places, strict=True)
        ],
        "amounts": [contract_amount(a, published, run_day) for a in extraction.amounts],
        "dateline_country": extraction.dateline_country,
    }


def _record_date(record: dict) -> tuple[date | None, str | None]:
    """The optional `date` of a contract record (`YYYY-MM-DD` or an ISO datetime): (date, problem)."""
    value = record.get("date")
    if value is None:
        return None, None
    if isinstance(value, str):
        try:
            return (datetime.fromisoformat(value).date() if "T" in value or " " in value.strip()
                    else date.fromisoformat(value.strip())), None
        except ValueError:
            pass
    return None, f"'date' is not YYYY-MM-DD or an ISO datetime: {value!r}"


def run_extract_contract(lines: Iterable[str | bytes], out: IO[str], *, nlp: Language | None = None) -> int:
    """The `news-warehouse extract` contract: JSONL `{"id", "text"}` in, one JSONL line out per
    input record, in order, streaming. A line that is not such a record still gets its output
    line, with empty lists and an `error`, so outputs stay aligned with inputs. Returns the
    number of records that had an error."""
    errors = 0

    def records() -> Iterator[tuple[tuple[Any, str | None, date | None], str]]:
        nonlocal errors
        for number, line in enumerate(lines, start=1):
            if isinstance(line, bytes):
                try:
                    line = line.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as error:
                    errors += 1
                    yield (None, f"line {number}: not UTF-8 text ({error.reason})", None), ""
                    continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                errors += 1
                yield (None, f"line {number}: invalid JSON: {error.msg}", None), ""
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                errors += 1
                key = record.get("id") if isinstance(record, dict) else None
                yield (key, f"line {number}: expected an object with a string 'text'", None), ""
                continue
            if too_long := body_problem(record["text"]):
                errors += 1
                yield (record.get("id"), f"line {number}: {too_long}", None), ""
                continue
            published, bad_date = _record_date(record)
            if bad_date:
                errors += 1
                yield (record.get("id"), f"line {number}: {bad_date}", None), ""
                continue
            yield (record.get("id"), None, published), record["text"]

    run_day = date.today()
    for extraction in extract_texts(records(), nlp=nlp, batch_size=CONTRACT_BATCH_SIZE):
        key, error, published = extraction.article_id
        output = contract_record(extraction, published, run_day) | {"id": key}
        if error:
            output["error"] = error
        out.write(json.dumps(output, ensure_ascii=False) + "\n")
        out.flush()
    return errors

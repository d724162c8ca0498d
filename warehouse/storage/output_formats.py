"""Rows as text for people and tools: an aligned table, CSV, JSON, JSON Lines; Parquet to a file.

Every text format writes a value the way a program reading it would want it:
- a number stays a number (JSON) or a plain numeral (CSV, table) when it is exactly the number
  the warehouse holds: `DECIMAL(38,6)` amounts like `30000000000.000000` become `30000000000`,
  `15.500000` becomes `15.5`; a decimal a binary float cannot hold exactly stays a string in JSON,
  so no figure is silently rounded;
- a list or struct (`sentences`, `story_ids`) is a JSON array or object, in CSV as JSON text, never
  a Python repr (`['Putin', None]`);
- dates and times are ISO 8601.
Parquet keeps DuckDB's own types (decimals, lists, timestamps) and is written from the Arrow
result, so a reader without file-system access (`query` opens the warehouse so) can still write
the file the user named.
"""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from uuid import UUID

TEXT_FORMATS = ("table", "csv", "json", "jsonl")
FORMATS = TEXT_FORMATS + ("parquet",)


def json_value(value: object) -> object:
    """`value` as JSON can carry it without loss (see the module docstring)."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        if value == value.to_integral():
            return int(value)
        as_float = float(value)
        return as_float if Decimal(repr(as_float)) == value else format(value.normalize(), "f")
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)   # JSON has no NaN or Infinity
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, (UUID, bytes)):
        return value.hex() if isinstance(value, bytes) else str(value)
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    return value


def text_value(value: object) -> str:
    """`value` as one CSV field or table cell: numbers plain, lists and structs as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"   # as SQL and JSON spell them, not Python's `True`
    if isinstance(value, Decimal):
        if value.is_finite() and value == value.to_integral():
            return str(int(value))
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    plain = json_value(value)
    if isinstance(plain, (list, dict)):
        return json.dumps(plain, ensure_ascii=False)
    return str(plain)


def format_rows(columns: list[str], rows: list[tuple], fmt: str, width: int = 60) -> str:
    """`rows` as text in one of TEXT_FORMATS; the table's cells are cut at `width` characters
    (0: never cut)."""
    if fmt == "json":
        if not rows:
            return "[]"
        objects = (json.dumps(dict(zip(columns, map(json_value, row))), ensure_ascii=False) for row in rows)
        return "[\n" + ",\n".join(objects) + "\n]"
    if fmt == "jsonl":
        return "\n".join(json.dumps(dict(zip(columns, map(json_value, row))), ensure_ascii=False) for row in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[text_value(v) for v in row] for row in rows])
        return buffer.getvalue().rstrip("\n")
    if fmt == "table":
        cells = [[_cell(v, width) for v in row] for row in rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
        out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
        return "\n".join(out)
    raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(TEXT_FORMATS)}")


def _cell(value: object, width: int) -> str:
    text = text_value(value).replace("\n", " ")
    return text if width <= 0 or len(text) <= width else text[: width - 1] + "…"


def write_parquet(batches, path: str | Path, limit: int | None = None) -> int:
    """Write an Arrow RecordBatchReader to a Parquet file (through a temporary name, so a failed
    write leaves no half file); at most `limit` rows. Returns the number of rows written."""
    import pyarrow.parquet as pq

    target = Path(path)
    temporary = target.with_name(f".{target.name}.partial")
    written = 0
    try:
        with pq.ParquetWriter(temporary, batches.schema) as writer:
            for batch in batches:
                if limit is not None and written + batch.num_rows > limit:
                    batch = batch.slice(0, limit - written)
                if batch.num_rows:
                    writer.write_batch(batch)
                    written += batch.num_rows
                if limit is not None and written >= limit:
                    break
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)
    return written

"""Read-only queries for people: ad-hoc SQL or a view by name, status, and output formats."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.engine import Engine

from warehouse.db import execute_file

FORMATS = ("table", "csv", "json")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def as_statement(sql_or_view: str) -> str:
    """A bare name (`article_overview`) means everything in that view or table."""
    text = sql_or_view.strip().rstrip(";")
    return f"select * from {text}" if _IDENTIFIER.match(text) else text


def run_query(engine: Engine, sql_or_view: str) -> tuple[list[str], list[tuple]]:
    with engine.connect() as conn:
        result = conn.exec_driver_sql(as_statement(sql_or_view))
        return list(result.keys()), [tuple(row) for row in result]


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value.normalize())
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def format_rows(columns: list[str], rows: list[tuple], fmt: str) -> str:
    if fmt == "json":
        return "\n".join(json.dumps(dict(zip(columns, map(_plain, row))), ensure_ascii=False) for row in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_plain(v) for v in row] for row in rows])
        return buffer.getvalue().rstrip("\n")
    if fmt == "table":
        cells = [[_cell(v) for v in row] for row in rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
        out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
        return "\n".join(out)
    raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")


def _cell(value: object, width: int = 60) -> str:
    text = "" if value is None else str(_plain(value))
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def status_report(engine: Engine) -> str:
    """Counts per table and the last runs, as text."""
    with engine.connect() as conn:
        counts = execute_file(conn, "queries/table_counts.sql")
        count_columns, count_rows = list(counts.keys()), [tuple(r) for r in counts]
        runs = execute_file(conn, "queries/last_runs.sql")
        run_columns, run_rows = list(runs.keys()), [tuple(r) for r in runs]
    return "\n\n".join([
        format_rows(count_columns, count_rows, "table"),
        "last runs:\n" + format_rows(run_columns, run_rows, "table"),
    ])

"""Read-only queries for people: ad-hoc SQL or a view by name, status, and output formats."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.engine import Engine

from warehouse.storage.db import execute_file

FORMATS = ("table", "csv", "json")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def is_relation_name(sql_or_view: str) -> bool:
    """A bare name (`article_overview`), not SQL."""
    return bool(_IDENTIFIER.match(sql_or_view.strip().rstrip(";")))


def run_query(engine: Engine, sql_or_view: str, parameters: dict[str, str] | None = None,
              limit: int | None = None) -> tuple[list[str], list[tuple]]:
    """Run the user's SQL, or show everything in the view or table a bare name (`article_overview`)
    gives. The name is looked up with a bound parameter; only the catalog's own spelling of an
    existing relation is ever put into a statement. `parameters` bind the SQL's `$name`s. With
    `limit`, at most `limit + 1` rows are read (the caller can tell there were more), whatever
    the statement: the SQL is never rewritten."""
    text = sql_or_view.strip().rstrip(";")
    with engine.connect() as conn:
        if _IDENTIFIER.match(text):
            found = execute_file(conn, "queries/relation_by_name.sql", (text,)).scalar_one_or_none()
            if found is None:
                raise LookupError(f"no table or view named {text!r} (see README, 'Views')")
            text = f'select * from "{found}"'
        result = conn.exec_driver_sql(text, parameters) if parameters else conn.exec_driver_sql(text)
        rows = result.fetchmany(limit + 1) if limit is not None else result.fetchall()
        return list(result.keys()), [tuple(row) for row in rows]


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value.normalize())
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def format_rows(columns: list[str], rows: list[tuple], fmt: str, width: int = 60) -> str:
    """`rows` as text: JSON Lines, CSV, or a table whose cells are cut at `width` characters
    (0: never cut)."""
    if fmt == "json":
        return "\n".join(json.dumps(dict(zip(columns, map(_plain, row))), ensure_ascii=False) for row in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_plain(v) for v in row] for row in rows])
        return buffer.getvalue().rstrip("\n")
    if fmt == "table":
        cells = [[_cell(v, width) for v in row] for row in rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
        out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
        return "\n".join(out)
    raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")


def _cell(value: object, width: int = 60) -> str:
    text = "" if value is None else str(_plain(value))
    text = text.replace("\n", " ")
    return text if width <= 0 or len(text) <= width else text[: width - 1] + "…"


def status_report(engine: Engine) -> str:
    """Counts per table, the last runs and the files that need a look, as text."""
    with engine.connect() as conn:
        counts = execute_file(conn, "queries/table_counts.sql")
        count_columns, count_rows = list(counts.keys()), [tuple(r) for r in counts]
        runs = execute_file(conn, "queries/last_runs.sql")
        run_columns, run_rows = list(runs.keys()), [tuple(r) for r in runs]
        files = execute_file(conn, "queries/files_needing_attention.sql")
        file_columns, file_rows = list(files.keys()), [tuple(r) for r in files]
        needing = execute_file(conn, "queries/count_files_needing_attention.sql").scalar_one()
    return "\n\n".join([
        format_rows(count_columns, count_rows, "table"),
        "last runs:\n" + format_rows(run_columns, run_rows, "table"),
        f"files not simply loaded (rejected, partly loaded or loaded with warnings): {needing}"
        + (f", the {len(file_rows)} most recent shown (all: `news-warehouse query \"select * from "
           f"source_files where status <> 'loaded'\"`)" if needing > len(file_rows) else "") + "\n"
        + format_rows(file_columns, file_rows, "table"),
    ])

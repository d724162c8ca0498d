"""Read-only queries for people: ad-hoc SQL or a view by name (as rows or to a Parquet file), and
status. Formats are in `output_formats`."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import Engine

from warehouse.storage.db import execute_file
from warehouse.storage.output_formats import format_rows, write_parquet

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def is_relation_name(sql_or_view: str) -> bool:
    """A bare name (`article_overview`), not SQL."""
    return bool(_IDENTIFIER.match(sql_or_view.strip().rstrip(";")))


def run_query(engine: Engine, sql_or_view: str, parameters: dict[str, str] | None = None,
              limit: int | None = None) -> tuple[list[str], list[tuple]]:
    """Run the user's SQL, or show everything in the view or table a bare name (`article_overview`)
    gives. `parameters` bind the SQL's `$name`s. With `limit`, at most `limit + 1` rows are read
    (the caller can tell there were more), whatever the statement: the SQL is never rewritten."""
    with engine.connect() as conn:
        text = _statement(conn, sql_or_view)
        result = conn.exec_driver_sql(text, parameters) if parameters else conn.exec_driver_sql(text)
        rows = result.fetchmany(limit + 1) if limit is not None else result.fetchall()
        return list(result.keys()), [tuple(row) for row in rows]


def query_to_parquet(engine: Engine, sql_or_view: str, path: str | Path,
                     parameters: dict[str, str] | None = None, limit: int | None = None) -> int:
    """Like `run_query`, the rows going to a Parquet file (DuckDB's types kept) instead of memory,
    batch by batch. Returns the number of rows written."""
    with engine.connect() as conn:
        text = _statement(conn, sql_or_view)
        raw = conn.connection.driver_connection
        result = raw.execute(text, parameters) if parameters else raw.execute(text)
        return write_parquet(result.fetch_record_batch(), path, limit)


def _statement(conn, sql_or_view: str) -> str:
    """The user's SQL, or a `select *` of the relation a bare name gives. The name is looked up
    with a bound parameter; only the catalog's own spelling of an existing relation is ever put
    into a statement."""
    text = sql_or_view.strip().rstrip(";")
    if _IDENTIFIER.match(text):
        found = execute_file(conn, "queries/relation_by_name.sql", (text,)).scalar_one_or_none()
        if found is None:
            raise LookupError(f"no table or view named {text!r} (see README, 'Views')")
        text = f'select * from "{found}"'
    return text


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

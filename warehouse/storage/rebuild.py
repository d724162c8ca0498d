"""Rebuild the warehouse file from its tables' DDL: the way around DuckDB's stale foreign keys.

Early migrations (004, 008) rebuilt `deliveries`, which referenced `articles`, by renaming a new
table over it. DuckDB 1.5 keeps the old child table's name in `articles`' catalog entry, so every
`delete from articles` that removes a row fails with "Table with name deliveries_per_run does
not exist" and the table cannot be dropped (duckdb/duckdb#24648; measured here on every
warehouse, new ones included, since every warehouse runs those migrations). `COPY FROM DATABASE`
copies the stale entry along. What does not carry it is the table's own DDL text
(`duckdb_tables().sql`), so this creates every table from that text in a new file, copies the
rows, recreates the indexes, and swaps the new file in by rename. Views and macros are not
copied: `db.prepare` creates them after the migrations.

It runs once per warehouse, as migration 023 (`db.migrate`), with the writer lock held and no
connection open: a few seconds for a warehouse of thousands of articles (the corpus warehouse's
777 articles and 70 MB: under a second).
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

_TABLES = ("select table_name, sql from duckdb_tables() "
           "where database_name = current_database() and schema_name = 'main' and not internal "
           "order by table_name")
_INDEXES = ("select sql from duckdb_indexes() "
            "where database_name = current_database() and schema_name = 'main' and sql is not null")


def rebuild_from_ddl(path: str | Path) -> int:
    """Rebuild the DuckDB file at `path` in place (see the module docstring). Returns the number
    of tables copied. Nothing else may have the file open."""
    source = Path(path)
    fresh = source.with_name(f".{source.name}.rebuild")
    fresh.unlink(missing_ok=True)
    connection = duckdb.connect(str(source))
    try:
        connection.execute("checkpoint")
        own = connection.execute("select current_database()").fetchone()[0]
        tables = connection.execute(_TABLES).fetchall()
        indexes = [row[0] for row in connection.execute(_INDEXES).fetchall()]
        connection.execute(f"attach {_literal(str(fresh))} as rebuilt")
        connection.execute("use rebuilt")
        for name, ddl in tables:
            connection.execute(ddl)
            connection.execute(f'insert into rebuilt.main."{name}" select * from "{own}".main."{name}"')
        for ddl in indexes:
            connection.execute(ddl)
        connection.execute(f'use "{own}"')
        connection.execute("detach rebuilt")
    except BaseException:
        connection.close()
        fresh.unlink(missing_ok=True)
        raise
    connection.close()
    with open(fresh, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(fresh, source)
    source.with_name(source.name + ".wal").unlink(missing_ok=True)   # checkpointed above: nothing in it
    return len(tables)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"

"""The DuckLake layout: the warehouse as a DuckLake (a SQL catalog plus Parquet data files).

`--db ducklake:sqlite:PATH` keeps the catalog in a SQLite file (one machine) and the data files
in `<PATH stem>.files/` beside it; `--db "ducklake:postgres:CONNINFO"` keeps it in PostgreSQL
(many machines, data files on storage they share, `NEWS_WAREHOUSE_LAKE_DATA_PATH`). Every
connection is an in-memory DuckDB that attaches the lake as `news_lake` and uses it, so the
project's SQL runs unchanged: the same tables, views and macros, without the enforced keys,
indexes and CHECK constraints DuckLake does not have (the loader never relied on them to be
right: it inserts only new keys, `sql/load/`).

Readers never copy anything: a reader attaches the lake read-only at the last *published*
snapshot, the one committed with the message `published` (`publish`: the end of a successful
run, a deletion, the creation of the schema), so a run's half-loaded batches are never seen,
however many readers there are and while a writer commits.

The schema is the single-file layout's, built by running the migrations of `sql/migrations/` on
a scratch DuckDB file; the lake is brought to it by creating the tables and columns it lacks
(`apply_schema`, called by `db.migrate`). The DuckDB extensions come from the `duckdb-extension-*` packages, loaded by file
path: nothing is downloaded at run time.
"""

from __future__ import annotations

import contextlib
import importlib
import sqlite3
from pathlib import Path

import duckdb
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from warehouse.config import Lake

ALIAS = "news_lake"
PUBLISHED = "published"
_SCANNERS = {"sqlite": "sqlite_scanner", "postgres": "postgres_scanner"}


class LakeError(Exception):
    """A lake that cannot be opened as asked (raised as the storage layer's WarehouseError)."""


def _extension_file(name: str) -> str:
    """The extension shipped by the `duckdb-extension-<name>` package for this DuckDB."""
    package = f"duckdb_extension_{name}"
    try:
        module = importlib.import_module(package)
    except ImportError:
        raise LakeError(f"the DuckLake layout needs the Python package {package.replace('_', '-')} "
                        f"(installed by `make install`)") from None
    path = Path(module.__file__).parent / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not path.exists():
        raise LakeError(f"{package} has no extension for DuckDB {duckdb.__version__} ({path})")
    return str(path)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _load_extensions(raw, backend: str) -> None:
    for name in ("ducklake", _SCANNERS[backend]):
        raw.execute(f"load {_quoted(_extension_file(name))}")


def _roll_back_a_dead_writers_journal(catalog: str) -> None:
    """A writer killed inside a SQLite transaction leaves a hot journal, which SQLite rolls back
    when the file is next opened, and a read-only open cannot ("attempt to write a readonly
    database"): readers would fail until the next run. Opening it read-write does what any
    opener does; SQLite only treats a journal as hot when no live writer holds the file's lock."""
    try:
        with contextlib.closing(sqlite3.connect(catalog, timeout=30)) as db:
            db.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.Error as error:
        raise LakeError(f"the catalog {catalog} holds a write its writer did not finish, and this "
                        f"reader cannot undo it ({error}): the next `news-warehouse run` does") from error


def published_version(raw, lake: Lake) -> int | None:
    """The last snapshot committed as published, read through a latest-state read-only attach."""
    try:
        raw.execute(f"attach {_quoted(lake.attach_target)} as news_lake_latest (read_only)")
    except duckdb.Error as error:
        if lake.backend != "sqlite" or "readonly database" not in str(error):
            raise
        _roll_back_a_dead_writers_journal(lake.catalog)
        raw.execute(f"attach {_quoted(lake.attach_target)} as news_lake_latest (read_only)")
    try:
        return raw.execute("select max(snapshot_id) from ducklake_snapshots('news_lake_latest') "
                           "where commit_message = ?", [PUBLISHED]).fetchone()[0]
    finally:
        raw.execute("detach news_lake_latest")


def latest_published_version(lake: Lake) -> int | None:
    """The published snapshot a reader attaching now would see, read on a connection of its own:
    what a long-lived reader (the dashboard) polls to notice that a run published a new state."""
    raw = duckdb.connect()
    try:
        _load_extensions(raw, lake.backend)
        return published_version(raw, lake)
    finally:
        raw.close()


def _attach(raw, lake: Lake, read_only: bool, version: int | None = None) -> None:
    _load_extensions(raw, lake.backend)
    if read_only:
        version = published_version(raw, lake) if version is None else version
        if version is None:
            # Never the latest state instead: it may hold a run's unpublished batches.
            raise LakeError(f"{lake} has no published snapshot (none yet, or expired by hand "
                            f"rather than by `news-warehouse maintain`): run `news-warehouse run` to publish one")
        raw.execute(f"attach {_quoted(lake.attach_target)} as {ALIAS} (read_only, snapshot_version {int(version)})")
    else:
        options = f" (data_path {_quoted(str(lake.data_path) + '/')})" if lake.data_path else ""
        if lake.data_path is not None and lake.backend == "sqlite":
            lake.data_path.mkdir(parents=True, exist_ok=True)
        raw.execute(f"attach {_quoted(lake.attach_target)} as {ALIAS}{options}")
    raw.execute(f"use {ALIAS}")
    if read_only:
        # As for a reader of a DuckDB file (db.connect): no file system access from the SQL users
        # type, but the lake's own files, which DuckDB reads as any other (`allowed_directories`).
        data = raw.execute(f"select value from {ALIAS}.options() where option_name = 'data_path'").fetchone()[0]
        raw.execute("set allowed_directories = ?", [[data]])
        if lake.backend == "sqlite":
            raw.execute("set allowed_paths = ?", [[lake.catalog]])
        raw.execute("set enable_external_access = false")


def in_utc(dbapi_connection, _record=None) -> None:
    """Every connection in UTC: `current_timestamp` stored into a TIMESTAMP column is converted
    at the session's time zone, which DuckDB takes from the machine, so a writer on a machine in
    Bogotá stored `loaded_at`, `published_at` and the other UTC columns (migration 025) five
    hours early. Not a connect option: the setting needs ICU, which loads after connecting."""
    dbapi_connection.execute("set TimeZone = 'UTC'")


def connect(lake: Lake, *, read_only: bool = False, version: int | None = None) -> Engine:
    """An engine whose every connection attaches the lake (read-only ones at the published
    snapshot, or at `version`: one state for every connection, however long the engine lives)."""
    if read_only and lake.backend == "sqlite" and not Path(lake.catalog).exists():
        raise LakeError(f"no warehouse at {lake}: run `news-warehouse run --db {lake}` first")
    if not read_only and lake.backend == "sqlite" and not Path(lake.catalog).parent.is_dir():
        raise LakeError(f"cannot create warehouse {lake}: directory {Path(lake.catalog).parent} does not exist")
    # A pinned reader serves many threads (the dashboard's sessions): a pool of connections, not
    # SQLAlchemy's one per thread for `:memory:`, which closes older threads' connections, in use
    # or not, past five threads.
    engine = sa.create_engine("duckdb:///:memory:", **({"poolclass": sa.pool.QueuePool} if version is not None else {}))

    @sa.event.listens_for(engine, "connect")
    def attach(dbapi_connection, _record):
        in_utc(dbapi_connection)
        _attach(dbapi_connection, lake, read_only, version)

    if read_only:
        @sa.event.listens_for(engine, "before_cursor_execute")
        def only_reads(_conn, _cursor, statement, *_):
            refuse_writes(statement)

    engine.news_lake = lake
    return engine


_READS = (duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN)


def refuse_writes(sql: str) -> None:
    """A lake's reader may read its data folder (`allowed_directories`), which DuckDB also lets it
    write: so it runs only queries (SELECT, EXPLAIN, and what DuckDB turns into one: PRAGMA,
    DESCRIBE, SHOW), never COPY, ATTACH, INSERT or SET."""
    for statement in duckdb.extract_statements(sql):
        if statement.type not in _READS:
            raise duckdb.PermissionException(
                f"a reader of the warehouse runs queries only, not {statement.type.name}")


def lake_of(engine: Engine) -> Lake | None:
    """The lake an engine of `connect` opens; None for a DuckDB file's."""
    return getattr(engine, "news_lake", None)


def mark_published(conn: Connection) -> None:
    """Commit this transaction as a published state: readers attach at it (`_attach`)."""
    conn.exec_driver_sql(f"call {ALIAS}.set_commit_message('news-warehouse', ?)", (PUBLISHED,))


def _column_sql(column: str, data_type: str, not_null: bool, default: str | None) -> str:
    return (f'"{column}" {data_type}' + (f" default {default}" if default is not None else "")
            + (" not null" if not_null else ""))


def apply_schema(conn: Connection, reference: dict[str, list[tuple[str, str, bool, str | None]]]) -> None:
    """Create the tables of `reference` (table -> (column, type, not null, default) in order) the
    lake lacks and add the columns it lacks; keys, indexes and CHECKs are left out (DuckLake has
    none: the loader inserts only new keys)."""
    present = {row[0] for row in conn.exec_driver_sql(
        "select table_name from duckdb_tables() where database_name = current_database()")}
    for table, columns in reference.items():
        if table not in present:
            conn.exec_driver_sql(f'create table "{table}" ({", ".join(_column_sql(*c) for c in columns)})')
            continue
        have = {row[0] for row in conn.exec_driver_sql(
            "select column_name from duckdb_columns() where database_name = current_database() "
            "and table_name = ?", (table,))}
        for column in columns:
            if column[0] not in have:
                conn.exec_driver_sql(f'alter table "{table}" add column {_column_sql(*column)}')

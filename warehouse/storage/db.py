"""The one place that opens the warehouse: connections, migrations, seeds and views.

DuckDB allows one read-write process or many read-only ones per file. Writers (flow runs) use
`connect(path)`; readers (`news-warehouse query`, dashboards) use `connect(path, read_only=True)`.
"""

from __future__ import annotations

import re
import tempfile
from functools import cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from warehouse.config import redact
from warehouse.paths import SEEDS_DIR, SQL_DIR
from warehouse.storage import lake
from warehouse.seeds import seed_files


class WarehouseError(Exception):
    """The warehouse cannot be opened or used as asked: a user error, printed as one line."""


def connect(db_path: str | Path | lake.Lake, *, read_only: bool = False, lake_version: int | None = None) -> Engine:
    """An engine on the DuckDB file, or on the DuckLake (`lake.py`; a reader at `lake_version`
    when given, else at the published snapshot); checks the path first so mistakes read as one
    clear line."""
    if isinstance(db_path, lake.Lake):
        return _connect_lake(db_path, read_only, lake_version)
    path = Path(db_path).expanduser()
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `news-warehouse run` first")
    if not read_only and not path.parent.is_dir():
        raise WarehouseError(f"cannot create warehouse {path}: directory {path.parent} does not exist")
    if path.exists() and path.is_dir():
        raise WarehouseError(f"warehouse path {path} is a directory, expected a file")
    connect_args: dict = {"read_only": read_only}
    if read_only:
        # A reader cannot write the file, but `COPY ... TO` and `ATTACH` would still reach the file
        # system: readers run what users type, so they get none (it cannot be re-enabled by SQL).
        connect_args["config"] = {"enable_external_access": False}
    engine = sa.create_engine(f"duckdb:///{path}", connect_args=connect_args)
    sa.event.listen(engine, "connect", lake.in_utc)
    try:
        with engine.connect() as conn:
            if read_only and not conn.exec_driver_sql(read_sql("schema/has_schema.sql")).scalar_one():
                engine.dispose()
                raise WarehouseError(f"{path} has no warehouse tables yet: run `news-warehouse run` first")
    except sa.exc.DBAPIError as error:
        engine.dispose()
        if "could not set lock" in str(error.orig).lower():
            # DuckDB: one read-write process, or many read-only ones, per file.
            raise WarehouseError(f"warehouse {path} is in use by another process (a run in progress?): "
                                 f"try again when it finishes") from error
        raise WarehouseError(f"cannot open warehouse {path}: {_first_line(error.orig)}") from error
    return engine


def _connect_lake(where: lake.Lake, read_only: bool, version: int | None = None) -> Engine:
    try:
        engine = lake.connect(where, read_only=read_only, version=version)
    except lake.LakeError as error:
        raise WarehouseError(str(error)) from error
    try:
        with engine.connect() as conn:
            if read_only and not conn.exec_driver_sql(read_sql("schema/has_schema.sql")).scalar_one():
                raise WarehouseError(f"{where} has no warehouse tables yet: "
                                     f"run `news-warehouse run` first")
    except (WarehouseError, lake.LakeError) as error:
        engine.dispose()
        raise WarehouseError(str(error)) from error
    except sa.exc.DBAPIError as error:
        engine.dispose()
        raise WarehouseError(redact(f"cannot open warehouse {where}: {_first_line(error.orig)}")) from error
    return engine


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def read_sql(relative: str) -> str:
    """The text of `sql/<relative>` (e.g. `load/insert_articles.sql`)."""
    return (SQL_DIR / relative).read_text(encoding="utf-8")


def execute_file(conn: Connection, relative: str, parameters: tuple | None = None):
    """Run one SQL file. Parameters are positional `?` placeholders (DuckDB's own style)."""
    return conn.exec_driver_sql(read_sql(relative), parameters) if parameters \
        else conn.exec_driver_sql(read_sql(relative))


def execute_over_table(conn: Connection, name: str, table, relative: str, parameters: tuple | None = None) -> list:
    """Register the Arrow `table` as `name`, run one SQL file over it (DuckDB's Arrow path: no
    row-by-row inserts) and return the rows it returns (none unless it selects or has
    `returning`). Nothing is run for an empty table."""
    if table.num_rows == 0:
        return []
    raw = conn.connection.driver_connection
    raw.register(name, table)
    try:
        result = execute_file(conn, relative, parameters)
        return list(result) if result.returns_rows else []
    finally:
        raw.unregister(name)


_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def migration_files() -> list[tuple[int, Path]]:
    found = []
    for path in sorted((SQL_DIR / "migrations").glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if match is None:
            raise WarehouseError(f"migration file name {path.name!r} is not NNN_name.sql")
        found.append((int(match[1]), path))
    return found


# Migrations that rebuild the file itself (the SQL file only records them): version -> step.
_FILE_MIGRATIONS = {23: "rebuild_from_ddl"}


def migrate(engine: Engine) -> list[str]:
    """Apply, in order and each in its own transaction, the migrations not yet recorded (on a
    DuckLake: its tables and columns brought to the schema they define, `lake.migrate`)."""
    if lake.lake_of(engine) is not None:
        return _migrate_lake(engine)
    applied_now = []
    with engine.begin() as conn:
        execute_file(conn, "schema/schema_migrations.sql")
        applied = {row[0] for row in execute_file(conn, "schema/applied_migrations.sql")}
    for version, path in migration_files():
        if version in applied:
            continue
        if version in _FILE_MIGRATIONS:
            from warehouse.storage import rebuild

            # The engine's pooled connections are closed; its next ones open the rebuilt file.
            engine.dispose()
            getattr(rebuild, _FILE_MIGRATIONS[version])(engine.url.database)
        with engine.begin() as conn:
            conn.exec_driver_sql(path.read_text(encoding="utf-8"))
            execute_file(conn, "schema/record_migration.sql", (version, path.name))
        applied_now.append(path.name)
    return applied_now


def _migrate_lake(engine: Engine) -> list[str]:
    with engine.begin() as conn:
        has_table = conn.exec_driver_sql(read_sql("schema/has_schema.sql")).scalar_one()
        applied = {row[0] for row in execute_file(conn, "schema/applied_migrations.sql")} if has_table else set()
    pending = [(version, path) for version, path in migration_files() if version not in applied]
    if not pending:
        return []
    with engine.begin() as conn:
        lake.apply_schema(conn, reference_columns())
        for version, path in pending:
            execute_file(conn, "schema/record_migration.sql", (version, path.name))
    return [path.name for _, path in pending]


@cache
def reference_columns() -> dict[str, list[tuple[str, str, bool, str | None]]]:
    """Every table of the schema `sql/migrations/` defines: (column, type, not null, default), in
    order. Built by migrating a scratch DuckDB file, so the migrations stay the one definition of
    the schema for both layouts."""
    with tempfile.TemporaryDirectory(prefix="news-warehouse-schema-") as folder:
        engine = connect(Path(folder) / "schema.duckdb")
        try:
            migrate(engine)
            with engine.connect() as conn:
                rows = execute_file(conn, "schema/table_columns.sql").fetchall()
        finally:
            engine.dispose()
    tables: dict[str, list] = {}
    for table, column, data_type, not_null, default in rows:
        tables.setdefault(table, []).append((column, data_type, bool(not_null), default))
    return tables


def load_seeds(engine: Engine, seeds_dir: Path = SEEDS_DIR) -> dict[str, int]:
    """Replace every `ref_<name>` table with `seeds/<name>.csv`, in one transaction."""
    counts = {}
    with engine.begin() as conn:
        for path in seed_files(seeds_dir):
            table = f"ref_{path.stem}"
            conn.exec_driver_sql(f"delete from {table}")
            # all_varchar: the table's declared types decide, not the CSV sniffer's guess.
            conn.exec_driver_sql(
                f"insert into {table} by name "
                f"select * from read_csv(?, header = true, all_varchar = true)", (str(path),))
            counts[table] = conn.exec_driver_sql(f"select count(*) from {table}").scalar_one()
    return counts


def view_files() -> list[Path]:
    return sorted((SQL_DIR / "views").glob("*.sql"))


def macro_files() -> list[Path]:
    return sorted((SQL_DIR / "macros").glob("*.sql"))


def refresh_views(engine: Engine, *, publish: bool = False, derived_in_full: bool = True) -> list[str]:
    """Bring the derived tables up to date (`derived.py`), create or replace every macro of
    `sql/macros/`, then every view of `sql/views/` (each file holds one `create or replace`;
    macros first, so a view may call one), then comment every table, view and column from
    `sql/catalog.toml` (`catalog.py`; replacing a view drops its comments). `derived_in_full=False`
    only creates derived tables that are missing or redefined (`db.prepare`: at a million articles
    a refresh with nothing to do reads every story, 7-8 s, and the run refreshes at its end)."""
    from warehouse.storage import catalog, derived

    names = []
    with engine.begin() as conn:
        # The tables some views read (derived.py), brought up to date before the views are replaced.
        derived.refresh_story_tables(conn, only_if_redefined=not derived_in_full)
        derived.refresh_entity_pairs(conn, only_if_redefined=not derived_in_full)
        for path in macro_files() + view_files():
            conn.exec_driver_sql(path.read_text(encoding="utf-8"))
            names.append(path.stem)
        catalog.apply_comments(conn, view_columns=lake.lake_of(engine) is None)
        if publish:
            lake.mark_published(conn)
    return names


def checkpoint(engine: Engine) -> None:
    """Write the write-ahead log into the database file.

    Called after schema changes (migrations, views): DuckDB 1.5 cannot replay a WAL holding a
    DROP TABLE of a table with foreign keys ("Failure while replaying WAL file ...
    GetDefaultDatabase with no default database set", duckdb/duckdb#25022, #22044), so a process
    killed before its next checkpoint would leave a warehouse no one can open. Measured here: a
    run killed mid-load on a fresh warehouse did exactly that before this checkpoint existed. With
    DDL checkpointed at once, the WAL of a killed run holds only row changes, which replay.
    A DuckLake has no WAL: each commit is already in its catalog and data files."""
    if lake.lake_of(engine) is not None:
        return
    with engine.begin() as conn:
        execute_file(conn, "schema/checkpoint.sql")


def prepare(engine: Engine) -> None:
    """Everything a writer needs before loading: schema up to date, reference data, views. A new
    lake is published then, so its readers get the empty warehouse (views, macros, reference
    data) until the first run publishes, as a new file's snapshot gives them."""
    applied = migrate(engine)
    new_lake = lake.lake_of(engine) is not None and len(applied) == len(migration_files())
    load_seeds(engine)
    refresh_views(engine, publish=new_lake, derived_in_full=False)
    checkpoint(engine)

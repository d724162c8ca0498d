"""scale.py's DuckLake column: a replicated warehouse file copied into a SQLite-catalog lake.

The lake is made by the project's own code, as a new `--db ducklake:sqlite:PATH` gets it
(`db.connect` + `db.prepare`: tables, reference data, macros, views, a first published snapshot),
then filled from the file with one `insert … select` per table (columns by name), and published
with `snapshots.publish_snapshot`, so it holds exactly the file's rows in the lake's own data
files. Readers attach it as `news-warehouse query` does (`lake.py`: read-only, at the published
snapshot); nothing here reads the lake's latest state but the copy itself.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import duckdb

from noop_rerun import BenchmarkError

from warehouse.config import Lake, parse_lake
from warehouse.storage import db, lake, snapshots

# Views whose row counts must be the file's: the ones built on each kind of fact (articles,
# mentions, amounts, stories, places), so a column copied into the wrong one shows.
CHECKED_VIEWS = ("article_overview", "entity_mentions_by_day", "amounts_in_context", "stories",
                 "story_amounts", "place_mentions", "entity_places")


def lake_for(work: Path, size: int) -> Lake:
    """`ducklake:sqlite:<work>/scale-N.lake.sqlite`, its data files in `scale-N.lake.files/`."""
    return parse_lake(f"ducklake:sqlite:{work / f'scale-{size}.lake.sqlite'}")


def remove_lake(where: Lake) -> None:
    catalog = Path(where.catalog)
    for leftover in (catalog, catalog.with_name(catalog.name + "-wal"), catalog.with_name(catalog.name + "-shm"),
                     catalog.with_name(catalog.name + "-journal"), where.lock_path()):
        leftover.unlink(missing_ok=True)
    if where.data_path is not None:
        shutil.rmtree(where.data_path, ignore_errors=True)


def reader(where: Path | Lake, config: dict | None = None) -> duckdb.DuckDBPyConnection:
    """A reader's connection: a file read-only; a lake as a reader's engine makes each one
    (`lake.connect(read_only=True)`: in memory, the lake attached read-only at its last published
    snapshot, no external access, so no `config`: it may not set a temp directory). Raw, so
    queries fetch Arrow and can be interrupted."""
    if not isinstance(where, Lake):
        return duckdb.connect(str(where), read_only=True, config=config or {})
    raw = duckdb.connect()
    lake._attach(raw, where, read_only=True)   # noqa: SLF001 - the very attach readers get
    return raw


def _counts(con, tables: list[str], prefix: str = "") -> dict[str, int]:
    return {t: con.execute(f'select count(*) from {prefix}"{t}"').fetchone()[0] for t in tables}


def build_lake(path: Path, where: Lake) -> dict:
    """A new lake made by the project (`db.prepare`), every table of the file at `path` copied in
    (a table prepare already filled, reference data and migrations, replaced: deleted first in the
    same transaction), published, and checked against the file. The caller deletes the file."""
    remove_lake(where)
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    engine = db.connect(where)
    try:
        db.prepare(engine)
    finally:
        engine.dispose()
    timings["prepare"] = time.perf_counter() - clock
    con = duckdb.connect()
    lake._attach(con, where, read_only=False)   # noqa: SLF001 - a writer's connection, as lake.connect's
    prefilled: dict[str, int] = {}
    try:
        con.execute(f"attach '{path}' as src (read_only)")
        con.execute("set enable_progress_bar = false")
        tables = [r[0] for r in con.execute("select table_name from duckdb_tables() where database_name = 'src' "
                                            "and schema_name = 'main' order by 1").fetchall()]
        lake_tables = {r[0] for r in con.execute("select table_name from duckdb_tables() where database_name = ?",
                                                 [lake.ALIAS]).fetchall()}
        if set(tables) != lake_tables:
            raise BenchmarkError(f"tables only in the file: {sorted(set(tables) - lake_tables)}, "
                                 f"only in the lake: {sorted(lake_tables - set(tables))}")
        prefilled = {t: n for t, n in _counts(con, tables).items() if n}
        for table in tables:
            columns = [r[0] for r in con.execute("select column_name from duckdb_columns() where database_name = ? "
                                                 "and table_name = ? order by column_index", [lake.ALIAS, table]).fetchall()]
            have = {r[0] for r in con.execute("select column_name from duckdb_columns() where database_name = 'src' "
                                              "and schema_name = 'main' and table_name = ?", [table]).fetchall()}
            if set(columns) != have:
                raise BenchmarkError(f"{table}: columns differ, file {sorted(have)}, lake {sorted(columns)}")
            names = ", ".join(f'"{c}"' for c in columns)
            clock = time.perf_counter()
            con.execute("begin")
            if table in prefilled:
                con.execute(f'delete from "{table}"')
            con.execute(f'insert into "{table}" ({names}) select {names} from src.main."{table}"')
            con.execute("commit")
            timings[table] = time.perf_counter() - clock
        expected = _counts(con, tables, "src.main.")
        views = _counts(con, list(CHECKED_VIEWS), "src.main.")
    finally:
        con.close()
    clock = time.perf_counter()
    snapshots.publish_snapshot(where)
    timings["publish"] = time.perf_counter() - clock
    expected["publications"] += 1                  # the publish's own record
    with reader(where) as con:
        got, got_views = _counts(con, list(expected)), _counts(con, list(CHECKED_VIEWS))
    wrong = {t: (expected[t], got[t]) for t in expected if expected[t] != got[t]}
    wrong |= {v: (views[v], got_views[v]) for v in views if views[v] != got_views[v]}
    if wrong:
        raise BenchmarkError(f"the lake answers differently from the file (file, lake): {wrong}")
    return {"seconds_by_table": timings, "prefilled_replaced": prefilled, "table_rows": expected,
            "checked_view_rows": views}


def lake_disk(where: Lake) -> dict:
    """Catalog bytes (the SQLite file) and data-folder bytes; per table, its live data files and
    delete files by the lake's own metadata (`ducklake_table_info`), at the published snapshot."""
    catalog = Path(where.catalog)
    catalog_bytes = sum(p.stat().st_size for p in catalog.parent.glob(catalog.name + "*") if p.is_file())
    files = [p for p in where.data_path.rglob("*") if p.is_file()]
    data_bytes = sum(p.stat().st_size for p in files)
    with reader(where) as con:
        articles = con.execute("select count(*) from articles").fetchone()[0]
        info = con.execute(f"select table_name, file_count, file_size_bytes, delete_file_count, "
                           f"delete_file_size_bytes from ducklake_table_info('{lake.ALIAS}')").fetchall()
        rows = {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t, *_ in info}
    tables = {t: {"rows": rows[t], "bytes": int(size) + int(deletes or 0), "files": int(count),
                  "delete_files": int(delete_count or 0)}
              for t, count, size, delete_count, deletes in sorted(info, key=lambda r: -(r[2] + (r[4] or 0)))}
    return {"catalog_bytes": catalog_bytes, "data_bytes": data_bytes, "data_files": len(files),
            "file_bytes": catalog_bytes + data_bytes, "articles": articles,
            "bytes_per_article": (catalog_bytes + data_bytes) / articles, "tables": tables,
            "unlisted_data_bytes": data_bytes - sum(t["bytes"] for t in tables.values())}


def format_lake_disk(r: dict) -> list[str]:
    d = r["disk"]
    lines = [f"disk (lake): {d['file_bytes'] / 2**20:,.0f} MiB = catalog {d['catalog_bytes'] / 2**20:,.1f} + data "
             f"{d['data_bytes'] / 2**20:,.1f} in {d['data_files']:,} files; {d['bytes_per_article'] / 1024:.1f} "
             f"KiB per article (copied in {sum(r['lake']['seconds_by_table'].values()):.0f} s)",
             f"  {'table':<22} {'rows':>13} {'MiB':>9} {'B/article':>10} {'files':>6}"]
    for table, t in list(d["tables"].items())[:12]:
        lines.append(f"  {table:<22} {t['rows']:>13,} {t['bytes'] / 2**20:>9,.1f} {t['bytes'] / d['articles']:>10,.0f} "
                     f"{t['files']:>6}")
    others = sum(t["bytes"] for t in list(d["tables"].values())[12:])
    for label, value in (("other tables", others), ("catalog (SQLite)", d["catalog_bytes"]),
                         ("unlisted data files", d["unlisted_data_bytes"])):
        lines.append(f"  {label:<22} {'':>13} {value / 2**20:>9,.1f} {value / d['articles']:>10,.0f}")
    return lines

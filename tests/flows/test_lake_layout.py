"""The DuckLake layout (`--db ducklake:sqlite:PATH`, `ducklake:postgres:…`) against the single
DuckDB file, with real processes: the same inbox gives the same rows in every table and view; a
run killed mid-load and run again gives the uninterrupted lake; readers never see a half-loaded
run and never wait; a PostgreSQL catalog with a writer and a reader in separate processes."""

import shutil
import signal
from pathlib import Path

import pytest
from cli_process import cli, start_cli
from postgres_server import postgres_database
from warehouse_reads import rows, scalar

from warehouse.config import parse_lake
from warehouse.storage import db

DATA = Path(__file__).parents[1] / "data"

# What says when or by which run a row was written, not what was loaded.
VOLATILE_COLUMNS = {"run_id", "flow_run_id", "seconds"}
# A hash of each story's rows, load timestamps included (storage/derived.py): what it is computed
# from is compared, in its own tables.
VOLATILE_COLUMNS |= {"fingerprint"}
# Run bookkeeping: compared by what the runs did, not row by row.
RUN_TABLES = {"runs", "run_stages", "publications", "schema_migrations"}
ARTICLES = 10


@pytest.fixture(scope="module")
def news_inbox(tmp_path_factory, sample_inbox):
    """The two samples, 8 real news articles in one JSONL file and a malformed line (fewer than
    the corpus sample's 20: five runs of this file, kept short for CI)."""
    inbox = tmp_path_factory.mktemp("lake") / "inbox"
    shutil.copytree(sample_inbox, inbox)
    lines = (DATA / "corpus_sample.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)[:ARTICLES - 2]
    (inbox / "news.jsonl").write_text("".join(lines) + "{not json\n", encoding="utf-8")
    return inbox


@pytest.fixture(scope="module")
def both_layouts(tmp_path_factory, news_inbox):
    """The inbox loaded into a DuckDB file and into a DuckLake with a SQLite catalog."""
    folder = tmp_path_factory.mktemp("layouts")
    file_db, lake_db = folder / "w.duckdb", f"ducklake:sqlite:{folder / 'lake.sqlite'}"
    for where in (file_db, lake_db):
        result = cli("run", "--inbox", str(news_inbox), "--db", str(where))
        assert result.returncode == 0, result.stderr
    return file_db, parse_lake(lake_db)


def relations(where) -> dict[str, list[tuple[str, str]]]:
    """Every table and view with its (column, type)s."""
    found: dict[str, list[tuple[str, str]]] = {}
    for name, column, data_type in rows(where, "select table_name, column_name, data_type from duckdb_columns() "
                                               "where database_name = current_database() order by table_name, column_index"):
        found.setdefault(name, []).append((column, data_type))
    return found


def content(where, name: str, columns: list[tuple[str, str]]) -> list[tuple]:
    return contents(where, {name: columns})[name]


def contents(where, wanted: dict[str, list[tuple[str, str]]]) -> dict[str, list[tuple]]:
    """Each relation's rows without the volatile columns, sorted, through one reader connection."""
    engine = db.connect(where, read_only=True)
    found = {}
    try:
        with engine.connect() as conn:
            for name, columns in wanted.items():
                kept = [f'"{c}"' for c, data_type in columns
                        if c not in VOLATILE_COLUMNS and not data_type.startswith("TIMESTAMP")]
                found[name] = sorted((tuple(row) for row in conn.exec_driver_sql(
                    f'select {", ".join(kept)} from "{name}"')), key=repr)
    finally:
        engine.dispose()
    return found


def assert_same_contents(one, other, wanted: dict[str, list[tuple[str, str]]]) -> None:
    mine, theirs = contents(one, wanted), contents(other, wanted)
    for name in wanted:
        assert mine[name] == theirs[name], name


def test_a_lake_holds_the_same_rows_as_a_file_in_every_table_and_view(both_layouts):
    file_db, lake = both_layouts
    in_file, in_lake = relations(file_db), relations(lake)
    assert set(in_lake) == set(in_file)
    assert scalar(file_db, "select count(*) from articles") == ARTICLES
    wanted = {name: columns for name, columns in in_file.items() if name not in RUN_TABLES}
    assert len(wanted) >= 55   # 39 tables and 19 views
    assert_same_contents(lake, file_db, wanted)
    # Both ran once, loading the same, and published the run at its end.
    runs = "select status, files_seen, articles_loaded, mentions_loaded, amounts_loaded from runs"
    assert rows(lake, runs) == rows(file_db, runs)
    published = "select list(p.run_id = r.run_id) from publications p, runs r"
    assert scalar(lake, published) == scalar(file_db, published) == [True]
    assert scalar(lake, "select list(version order by version) from schema_migrations") == \
        [version for version, _ in db.migration_files()]


def test_maintain_compacts_a_lake_and_expires_its_snapshots_and_readers_see_the_same(both_layouts):
    file_db, lake = both_layouts
    mentions = content(lake, "mentions", relations(lake)["mentions"])
    result = cli("maintain", "--db", str(lake), "--keep-days", "0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{lake}: ") and " data files, " in result.stdout
    expired = int(result.stdout.split("expired ")[1].split(" of ")[0])
    assert expired > 0
    assert content(lake, "mentions", relations(lake)["mentions"]) == mentions
    on_file = cli("maintain", "--db", str(file_db))
    assert on_file.returncode == 0 and on_file.stdout.startswith(f"{file_db}: checkpointed, "), on_file.stderr


def test_a_lake_killed_mid_load_shows_readers_only_published_runs_and_a_rerun_completes_it(
        tmp_path, news_inbox, both_layouts):
    _, clean = both_layouts
    killed = f"ducklake:sqlite:{tmp_path / 'killed.sqlite'}"
    process = start_cli("run", "--inbox", str(news_inbox), "--db", killed, "--batch-size", "2")
    seen = []
    try:
        loaded = 0
        for line in process.stdout:
            loaded += "batch loaded:" in line
            if loaded:
                # A reader while the run writes: no lock error, and the new lake's empty schema,
                # not the batches committed so far.
                seen.append(scalar(parse_lake(killed), "select count(*) from articles"))
            if loaded == 2:
                break
        else:
            pytest.fail("the run ended before its second batch was loaded")
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert seen and set(seen) == {0}
    assert scalar(parse_lake(killed), "select count(*) from articles") == 0

    rerun = cli("run", "--inbox", str(news_inbox), "--db", killed)
    assert rerun.returncode == 0, rerun.stderr
    lake = parse_lake(killed)
    # All but run bookkeeping: two runs here, one there.
    assert_same_contents(lake, clean, {name: columns for name, columns in relations(clean).items()
                                       if name not in RUN_TABLES | {"recent_runs"}})
    statuses = [s for (s,) in rows(lake, "select status from runs order by started_at")]
    # The rerun warns of the malformed line only when it reads news.jsonl again: the writer may
    # have finished that file while the reader connected, before the kill. Either way the line is
    # rejected once (`rejections`, compared above with the clean lake's).
    assert statuses[0] == "failed" and statuses[1] in ("completed", "completed_with_warnings") and len(statuses) == 2
    assert scalar(lake, "select count(*) from articles") == ARTICLES



def test_a_postgresql_catalog_serves_a_reader_process_while_a_writer_process_loads(
        tmp_path, news_inbox, both_layouts):
    file_db, _ = both_layouts
    with postgres_database() as conninfo:
        where = f"ducklake:postgres:{conninfo}"
        env = {"NEWS_WAREHOUSE_LAKE_DATA_PATH": str(tmp_path / "lake-files")}
        writer = start_cli("run", "--inbox", str(news_inbox), "--db", where, "--batch-size", "4", env=env)
        during = None
        try:
            for line in writer.stdout:
                if "batch loaded:" in line and during is None:
                    # Another process, which knows only the catalog (the data path is in it).
                    during = cli("query", "select count(*) as n from articles", "--db", where, "--format", "csv")
        finally:
            writer.wait(timeout=600)
        assert writer.returncode == 0
        assert during is not None and during.returncode == 0, during.stderr
        assert during.stdout.splitlines() == ["n", "0"]   # the published state: before the run
        after = cli("query", "select count(*) as n from articles", "--db", where, "--format", "csv")
        assert after.stdout.splitlines() == ["n", str(ARTICLES)], after.stderr
        assert_same_contents(parse_lake(where), file_db, {name: columns for name, columns in
                                                          relations(file_db).items() if name not in RUN_TABLES})

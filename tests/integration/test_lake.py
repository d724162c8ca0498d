"""A real DuckLake (SQLite catalog, Parquet files in a temp dir): schema from the migrations,
loads, what readers see, and maintenance. Whole runs in both layouts: tests/flows/test_lake_layout.py."""

from pathlib import Path

import pytest

from warehouse.config import parse_lake
from warehouse.extraction.extract import extract_texts
from warehouse.storage import db, load, maintenance, snapshots
from warehouse.storage.db import WarehouseError
from warehouse.stories import placement

from test_warehouse import sample_batch


def count(engine, sql):
    with engine.connect() as conn:
        return conn.exec_driver_sql(sql).scalar_one()


@pytest.fixture
def lake(tmp_path):
    return parse_lake(f"ducklake:sqlite:{tmp_path / 'lake.sqlite'}")


@pytest.fixture(scope="module")
def sample_extractions(nlp, sample_articles):
    return list(extract_texts(((a.article_id, a.body) for a in sample_articles), nlp=nlp))


def test_a_new_lake_gets_the_schema_of_the_migrations_without_keys(lake):
    engine = db.connect(lake)
    try:
        applied = db.migrate(engine)
        assert applied == [path.name for _, path in db.migration_files()]
        assert db.migrate(engine) == []
        with engine.connect() as conn:
            tables = {row[0]: row[1] for row in conn.exec_driver_sql(
                "select table_name, sql from duckdb_tables() where database_name = current_database()")}
        assert set(tables) == set(db.reference_columns())
        assert not any("PRIMARY KEY" in ddl.upper() for ddl in tables.values())
    finally:
        engine.dispose()


def test_readers_see_the_published_state_and_maintenance_keeps_it(lake, sample_articles, sample_extractions):
    engine = db.connect(lake)
    db.prepare(engine)
    load.load_batch(engine, sample_batch(sample_articles[:1], sample_extractions[:1]))
    # Committed, not published: a reader still sees the new lake's empty schema.
    reader = db.connect(lake, read_only=True)
    assert count(reader, "select count(*) from articles") == 0
    reader.dispose()
    load.load_batch(engine, sample_batch(sample_articles[1:], sample_extractions[1:]))
    placement.place_pending_stories(engine)
    db.refresh_views(engine)
    engine.dispose()
    snapshots.publish_snapshot(lake, "run-test")
    reader = db.connect(lake, read_only=True)
    assert count(reader, "select count(*) from articles") == 2
    mentions = count(reader, "select count(*) from mentions")
    reader.dispose()

    engine = db.connect(lake)
    try:
        dry = maintenance.maintain_lake(engine, lake, keep_days=0, dry_run=True)
        assert dry.expired and dry.snapshots_after == dry.snapshots_before
        done = maintenance.maintain_lake(engine, lake, keep_days=0)
    finally:
        engine.dispose()
    # Every snapshot before the published one; the compaction commits its own (unpublished) ones.
    assert done.expired == dry.expired == tuple(range(done.snapshots_before - 1))
    assert done.snapshots_after < done.snapshots_before
    reader = db.connect(lake, read_only=True)
    try:
        assert count(reader, "select count(*) from mentions") == mentions
        assert count(reader, "select count(*) from publications where run_id = 'run-test'") == 1
    finally:
        reader.dispose()


def test_a_reader_can_read_only_the_lake_and_write_nothing(lake, tmp_path):
    engine = db.connect(lake)
    db.prepare(engine)
    engine.dispose()
    outside = tmp_path / "outside.csv"
    outside.write_text("a\n1\n")
    inside = next(lake.data_path.rglob("*.parquet"))
    reader = db.connect(lake, read_only=True)
    try:
        with pytest.raises(Exception, match="file system operations are disabled"):
            count(reader, f"select count(*) from read_csv('{outside}')")
        # The data folder is readable to DuckDB, so also writable: a reader runs queries only.
        for statement in (f"copy (select 42) to '{inside}' (format csv)", f"attach '{lake.catalog}' as c (type sqlite)",
                          "set enable_external_access = true"):
            with pytest.raises(Exception, match="a reader of the warehouse runs queries only"):
                count(reader, statement)
        assert count(reader, "select count(*) from ref_currencies") > 0   # still readable, unchanged
    finally:
        reader.dispose()


def test_readers_of_a_new_lake_get_its_views_and_reference_data_before_any_run(lake):
    engine = db.connect(lake)
    db.prepare(engine)
    engine.dispose()
    reader = db.connect(lake, read_only=True)
    try:
        assert count(reader, "select count(*) from top_entities_by_type") == 0
        assert count(reader, "select count(*) from ref_currencies") > 0
        assert count(reader, "select count(*) from search_articles('gas')") == 0
    finally:
        reader.dispose()


def test_a_missing_lake_is_one_clear_line_for_a_reader(lake):
    with pytest.raises(WarehouseError, match=r"no warehouse at ducklake:sqlite:.*: run `news-warehouse run"):
        db.connect(lake, read_only=True)


def test_a_postgresql_catalog_that_cannot_be_reached_is_one_line_without_its_password():
    with pytest.raises(WarehouseError) as raised:
        db.connect(parse_lake("ducklake:postgres:dbname=news host=127.0.0.1 port=1 user=wire password=s3cret"),
                   read_only=True)
    message = str(raised.value)
    assert message.startswith("cannot open warehouse ducklake:postgres:") and "Connection refused" in message
    assert "s3cret" not in message and "\n" not in message


def test_a_reader_opens_a_lake_whose_writer_died_inside_a_catalog_write(tmp_path):
    """SIGKILL inside a SQLite transaction leaves a hot journal, which a read-only open cannot
    roll back: the reader rolls it back as any SQLite opener does, and reads the published state."""
    import subprocess
    import sys

    where = parse_lake(f"ducklake:sqlite:{tmp_path / 'lake.sqlite'}")
    writer = db.connect(where)
    db.prepare(writer)   # a new lake is published with its views and reference data
    writer.dispose()
    # A writer that dies with its transaction's pages spilled to the file (a tiny page cache).
    dying = ("import os, sqlite3, sys\n"
             "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
             "c.execute('pragma cache_size = 1'); c.execute('begin immediate')\n"
             "c.execute('create table unfinished (x)')\n"
             "c.executemany('insert into unfinished values (?)', [(str(i) * 50,) for i in range(20000)])\n"
             "os.kill(os.getpid(), 9)\n")
    subprocess.run([sys.executable, "-c", dying, where.catalog])
    assert Path(where.catalog + "-journal").exists()
    reader = db.connect(where, read_only=True)
    try:
        with reader.connect() as conn:
            assert conn.exec_driver_sql("select count(*) from ref_currencies").scalar_one() > 0
            assert conn.exec_driver_sql("select count(*) from stories").scalar_one() == 0
    finally:
        reader.dispose()
    assert not Path(where.catalog + "-journal").exists()

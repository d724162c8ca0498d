"""Timestamps are stored as UTC wall-clock times (migration 025) whatever the machine's zone."""

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

WRITE_AND_READ = """
import sys
from warehouse.config import parse_lake
from warehouse.storage import db, snapshots
where = sys.argv[1]
where = parse_lake(where) if where.startswith("ducklake:") else where
engine = db.connect(where)
db.prepare(engine)
engine.dispose()
snapshots.publish_snapshot(where)   # as a run's end does: the file's own connection, or a lake commit
engine = db.connect(where)
with engine.connect() as conn:
    print(conn.exec_driver_sql("select max(published_at) from publications").scalar_one().isoformat())
    print(conn.exec_driver_sql("select max(applied_at) from schema_migrations").scalar_one().isoformat())
engine.dispose()
"""


@pytest.mark.parametrize("layout", ["file", "lake"])
def test_timestamps_are_utc_on_a_machine_in_another_time_zone(tmp_path, layout):
    where = str(tmp_path / "w.duckdb") if layout == "file" else f"ducklake:sqlite:{tmp_path / 'lake.sqlite'}"
    before = datetime.now(timezone.utc).replace(tzinfo=None)
    done = subprocess.run([sys.executable, "-c", WRITE_AND_READ, where], capture_output=True, text=True,
                          env=os.environ | {"TZ": "America/Bogota"})   # UTC-5, no daylight saving
    assert done.returncode == 0, done.stderr
    after = datetime.now(timezone.utc).replace(tzinfo=None)
    for stamp in done.stdout.split():
        assert before - timedelta(seconds=5) <= datetime.fromisoformat(stamp) <= after + timedelta(seconds=5), stamp

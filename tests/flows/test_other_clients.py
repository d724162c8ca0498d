"""The published snapshot read by other clients than the project's: DuckDB 2.0's Python client
(without pytz, which it needs for TIMESTAMPTZ columns) and the DuckDB CLI. `make test` installs
them in .venv-clients and says where (NEWS_WAREHOUSE_CLIENTS_VENV)."""

import json
import os
import subprocess
from pathlib import Path

import pytest
from cli_process import cli

CLIENTS = os.environ.get("NEWS_WAREHOUSE_CLIENTS_VENV")
pytestmark = pytest.mark.skipif(not CLIENTS, reason="needs the other clients `make test` installs (.venv-clients)")

READ_EVERYTHING = """
import json, sys
import duckdb
connection = duckdb.connect(sys.argv[1], read_only=True)
names = [r[0] for r in connection.execute(
    "select table_name from information_schema.tables where table_schema = 'main' order by 1").fetchall()]
failed = {}
for name in names:
    try:
        connection.execute(f'select * from "{name}"').fetchall()
    except Exception as error:
        failed[name] = str(error).splitlines()[0]
try:
    import pytz  # noqa: F401
    has_pytz = True
except ImportError:
    has_pytz = False
print(json.dumps({"version": duckdb.__version__, "relations": len(names), "failed": failed, "has_pytz": has_pytz,
                  "search": connection.execute("select count(*) from search_articles('Putin')").fetchone()[0],
                  "comment": connection.execute("select comment from duckdb_columns() where table_name = 'articles' "
                                                "and column_name = 'loaded_at'").fetchone()[0]}))
"""


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory, sample_inbox):
    db_path = tmp_path_factory.mktemp("clients") / "w.duckdb"
    result = cli("run", "--inbox", str(sample_inbox), "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    return db_path.with_name("w.snapshot.duckdb")


def test_duckdb_2_without_pytz_reads_every_table_and_view_searches_and_sees_comments(snapshot):
    python = Path(CLIENTS) / "bin" / "python"
    out = subprocess.run([str(python), "-c", READ_EVERYTHING, str(snapshot)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["version"].startswith("2.") and not report["has_pytz"]
    assert report["failed"] == {} and report["relations"] > 50
    assert report["search"] == 2 and "UTC" in report["comment"]


def test_the_duckdb_cli_reads_views_with_timestamps_and_the_search_macro(snapshot):
    duckdb_cli = Path(CLIENTS) / "bin" / "duckdb"
    runs = subprocess.run([str(duckdb_cli), "-readonly", str(snapshot), "-json", "-c",
                           "select kind, status, started_at, seconds from recent_runs"],
                          capture_output=True, text=True, timeout=60)
    assert runs.returncode == 0, runs.stderr
    [run] = json.loads(runs.stdout)
    assert run["kind"] == "ingest" and run["status"] == "completed" and run["started_at"][:2] == "20"
    found = subprocess.run([str(duckdb_cli), "-readonly", str(snapshot), "-csv", "-c",
                            "select a.title from search_articles('Tokáyev') s join articles a using (article_id) "
                            "order by s.score desc limit 1"], capture_output=True, text=True, timeout=60)
    assert found.returncode == 0 and "Tokáyev" in found.stdout

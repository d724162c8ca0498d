"""benchmarks/noop_rerun.py: its inbox parses as intended, and the script runs end to end."""

from __future__ import annotations

import json

import pytest
from script_module import benchmark_module

from warehouse.reading.articles import parse_raw_text
from warehouse.reading.sources import discover_files


@pytest.fixture(scope="module")
def bench():
    with benchmark_module("noop_rerun") as module:
        yield module


def test_every_file_is_one_distinct_titled_article(bench):
    ids = set()
    for number in range(500):
        parsed = parse_raw_text(bench.article_text(number), bench.inbox_path(number))
        assert not parsed.rejections and not parsed.warnings
        [article] = parsed.articles
        assert article.title and str(number) in article.title
        assert article.published is not None and article.dateline_place and article.agency == "EFE"
        assert len(article.body) < 300
        ids.add(article.article_id)
    assert len(ids) == 500


def test_build_inbox_spreads_files_over_folders_with_settled_mtimes(bench, tmp_path):
    paths = bench.build_inbox(tmp_path, 250, files_per_folder=100, mtime=1_700_000_000)
    assert len(paths) == 250
    assert sorted(p.name for p in tmp_path.iterdir()) == ["000", "001", "002"]
    assert len(list((tmp_path / "002").iterdir())) == 50
    assert all(p.stat().st_mtime == 1_700_000_000 for p in paths)
    found = discover_files(tmp_path, max_bytes=1 << 20)
    assert [f.path for f in found] == [bench.inbox_path(n) for n in range(250)]
    assert not any(f.rejection for f in found)


def test_build_inbox_dates_files_in_the_past_by_default(bench, tmp_path):
    import time

    [path] = bench.build_inbox(tmp_path, 1)
    assert path.stat().st_mtime < time.time() - 60


def test_summary_line_is_parsed(bench):
    line = "run 5e43556c0a: completed in 0.8 s -> /tmp/w.duckdb\nfiles seen 2 (unchanged 2, …)\n"
    assert bench.parse_summary_line(line) == {"run_id": "5e43556c0a", "status": "completed", "seconds": 0.8}
    with pytest.raises(bench.BenchmarkError):
        bench.parse_summary_line("nothing here\n")


@pytest.mark.slow
def test_main_loads_then_reruns_without_work(bench, tmp_path, capsys):
    """The real command twice (it starts Prefect's temporary server each time): ~30-60 s."""
    work, results = tmp_path / "work", tmp_path / "results"
    code = bench.main(["--files", "20", "--reruns", "1", "--keep", str(work), "--results-dir", str(results)])
    out = capsys.readouterr().out
    assert code == 0, out

    assert "first load: " in out
    for label in ("files (N)", "first load, process wall", "rerun flow's own work, median of 1",
                  "rerun process wall, median", "target: flow work < 2 s"):
        assert label in out
    table = dict(line.split("  ", 1) for line in out.splitlines() if "  " in line and not line.startswith(" "))
    assert table["files (N)"].strip() == "20"
    assert table["rerun files_unchanged"].strip() == "20"
    assert table["rerun articles_loaded"].strip() == "0"

    [record_path] = results.glob("noop_rerun-*.json")
    record = json.loads(record_path.read_text(encoding="utf-8"))
    summary = record["summary"]
    assert summary["files"] == 20 and summary["reruns"] == 1
    assert summary["rerun_files_unchanged"] == [20] and summary["rerun_articles_loaded"] == [0]
    assert summary["first_load_wall_seconds"] > 0 and summary["rerun_flow_seconds_median"] > 0
    assert summary["rerun_wall_seconds_median"] >= summary["rerun_flow_seconds_median"]
    assert isinstance(summary["target_met"], bool)
    [rerun] = record["rerun_runs"]
    assert rerun["counts"]["files_unchanged"] == 20 and rerun["counts"]["articles_loaded"] == 0
    assert rerun["extract_tasks_logged"] == 0
    assert record["first_load"]["counts"]["articles_loaded"] == 20
    assert rerun["before_flow_seconds"] > 0 and rerun["after_flow_seconds"] > 0
    assert rerun["before_flow_seconds"] + rerun["flow_seconds"] + rerun["after_flow_seconds"] \
        == pytest.approx(rerun["wall_seconds"])
    assert (work / "warehouse.duckdb").exists()   # --keep leaves the work dir, with each run's output
    assert sorted(p.name for p in (work / "logs").iterdir()) == ["first-load.log", "rerun-1.log"]

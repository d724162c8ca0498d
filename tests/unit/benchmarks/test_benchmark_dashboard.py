"""benchmarks/dashboard.py on a tiny warehouse: every page is timed, printed and recorded, the
queries of a page over target are timed alone, and a page that fails is not timed as a fast one."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from script_module import benchmark_module

REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "tests" / "data" / "corpus_sample.jsonl"
PAGES = ["overview", "entities", "entities", "figures", "figures", "map", "stories", "stories", "search", "article"]
ARTICLES, REPEATS = 45, 2


@pytest.fixture(scope="module")
def bench():
    with benchmark_module("dashboard") as module:
        yield module


@pytest.fixture(scope="module")
def tiny_run(bench, tmp_path_factory):
    """One run at 45 articles (the 20 sample articles as the base, replicated), target 0 so every
    page gets its queries timed; its work directory is kept for the next test."""
    root = tmp_path_factory.mktemp("dashboard-bench")
    corpus = root / "corpus"
    corpus.mkdir()
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    # scale.corpus_records reads the corpus's two files by name.
    (corpus / "fakedes2021_true.jsonl").write_text("".join(lines[:10]), encoding="utf-8")
    (corpus / "fakedes2019_true.jsonl").write_text("".join(lines[10:]), encoding="utf-8")
    results = root / "results"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = bench.main(["--articles", str(ARTICLES), "--work", str(root / "work"), "--corpus", str(corpus),
                           "--repeats", str(REPEATS), "--target", "0", "--results-dir", str(results)])
    yield {"code": code, "out": out.getvalue(), "records": list(results.glob("dashboard-*.json")),
           "db": root / "work" / f"dashboard-{ARTICLES}.duckdb"}
    shutil.rmtree(root, ignore_errors=True)


@pytest.mark.slow
def test_a_tiny_run_prints_a_row_per_page_and_the_queries_of_each_page_over_target(tiny_run):
    assert tiny_run["code"] == 0, tiny_run["out"]
    out = tiny_run["out"]
    rows = re.findall(r"^(\w+) +(.+?) +(\d+\.\d{3}) +(\d+\.\d{3}) +0  (over|under)$", out, re.M)
    assert [r[0] for r in rows] == PAGES
    assert all(float(cold) > 0 and float(warm) > 0 for _, _, cold, warm, _ in rows)
    assert {r[4] for r in rows} == {"over"}   # target 0: every page is over it
    assert f"dashboard pages at {ARTICLES} articles" in out
    # Every page over target lists the queries it ran, each timed alone.
    sections = re.findall(r"^(\w+) \(.*\): cold [\d.]+ s, of which its queries [\d.]+ s in the page", out, re.M)
    assert sections == PAGES
    assert re.search(r"^  figures +[\d.]+ +[\d.]+ +[\d.]+ +\d+  entity='', kind='money'", out, re.M)
    assert re.search(r"^  search/search +[\d.]+ +[\d.]+ +[\d.]+ +\d+  all_words=False", out, re.M)


@pytest.mark.slow
def test_a_tiny_run_records_every_figure(tiny_run):
    [path] = tiny_run["records"]
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["benchmark"] == "dashboard" and record["git"]["commit"]
    assert record["warehouse"]["articles"] == ARTICLES and record["inputs"]["articles"] == ARTICLES
    assert record["warehouse"]["replication"]["replicas"] == 2 and record["warehouse"]["publish_seconds"] > 0
    assert [r["page"] for r in record["results"]] == PAGES
    for result in record["results"]:
        assert len(result["cold_runs"]) == len(result["warm_runs"]) == REPEATS
        assert result["cold_seconds"] > 0 and result["warm_seconds"] > 0
        assert all(len(trace) > 0 for trace in result["queries"]), result["page"]   # a cold run queries
        assert result["breakdown"] and all(q["first_seconds"] > 0 and q["seconds"] > 0 for q in result["breakdown"])
    by_input = {r["input"]: r for r in record["results"]}
    # The inputs took: the chosen entity's and story's queries ran with their ids.
    entity = next(r for r in record["results"] if r["query_params"].get("entity"))
    assert {"query": "entity_timeline", "parameters": {"entity_id": record["inputs"]["entity_id"]}} in [
        {k: q[k] for k in ("query", "parameters")} for q in entity["breakdown"]]
    assert any(q["query"] == "figures" and q["parameters"]["kind"] == "money"
               for q in by_input["kind = money"]["breakdown"])


@pytest.mark.slow
def test_a_page_that_warns_is_an_error_not_a_time(bench, tiny_run):
    assert tiny_run["code"] == 0
    gone = bench.Case("entities", "an entity not in the state", {"entity": "no-such-entity"}, expect="")
    with bench.dashboard_on(tiny_run["db"]) as tracer, pytest.raises(bench.BenchmarkError, match="warned"):
        bench.measure_case(gone, tracer, 1)
    wrong = bench.Case("overview", "-", expect="a text no page shows")
    with bench.dashboard_on(tiny_run["db"]) as tracer, pytest.raises(bench.BenchmarkError, match="does not show"):
        bench.measure_case(wrong, tracer, 1)

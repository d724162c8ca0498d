"""The dashboard's pages on a 10,000-article warehouse: seconds to draw each, cold and warm.

    .venv/bin/python benchmarks/dashboard.py [--articles 10000] [--work DIR] [--repeats 3]
                                            [--target 2] [--base K] [--corpus DIR]

1. The warehouse: `scale.py`'s base (the corpus articles loaded by `news-warehouse run`, `--base`
   of them, default every one) replicated in SQL to `--articles` (`scale.replicate`: new ids,
   dates shifted by weeks, entity counters and derived tables refreshed), then published
   (`publish_snapshot`): the dashboard reads the snapshot. Built in a temporary directory, removed
   at the end; with `--work DIR` built there and kept, and a later run with the same DIR and size
   reuses it (the record names the commit that built it).
2. Each page with its typical input, drawn by Streamlit's AppTest in this process (the script
   `main('<page>')`, query parameters and widget values set before its first run): a cold run, in a
   new session after closing the reader and clearing `st.cache_data` and `st.cache_resource` (so
   the reader reopens the snapshot and every query runs), then a warm rerun of the same session
   (every query served from the cache). Median of `--repeats` of each. A page's text is checked
   (no exception, no warning, what its input should show): a page that failed is not timed as a
   fast one. Not measured: the browser (the websocket, drawing charts and tables in the page);
   the operating system's file cache stays warm (the snapshot was just written).
3. A page whose cold median is over `--target` seconds (default 2): each query it ran (traced in
   the page, `Reader.query` and the search) timed again on its own on a fresh read-only DuckDB
   connection to the snapshot: the first run and the median of 3 after it.

Prints the table (and the queries of the pages over target) and writes
`benchmarks/results/dashboard-<timestamp>.json`. One run on a shared 2-core machine: quote medians.
"""

from __future__ import annotations

import argparse
import inspect
import json
import logging
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import weakref
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))   # run as a script: its siblings import
sys.path.insert(0, str(ROOT))
import scale  # noqa: E402
from noop_rerun import BenchmarkError, _git_commit  # noqa: E402

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from warehouse.dashboard import source  # noqa: E402
from warehouse.dashboard.formatting import spanish_number  # noqa: E402
from warehouse.search import results as search_results  # noqa: E402
from warehouse.storage import db, snapshots  # noqa: E402

RESULTS_DIR = ROOT / "benchmarks" / "results"
TARGET_SECONDS = 2.0
PAGE_TIMEOUT_SECONDS = 600      # AppTest's limit for one run of a page: a slow page is measured, not cut off
SCRIPT = "from warehouse.dashboard.app import main\nmain({page!r})\n"
SEARCH_TEXT = "gobierno"


# --- the warehouse ------------------------------------------------------------------------------

def build_warehouse(work: Path, articles: int, records: list[dict]) -> tuple[Path, dict]:
    """The warehouse of `articles` articles in `work`, published; reused when `work` holds one
    (its record, written after publishing, says it is whole)."""
    path, info_path = work / f"dashboard-{articles}.duckdb", work / f"dashboard-{articles}.json"
    if path.exists() and snapshots.snapshot_path(path).exists() and info_path.exists():
        info = json.loads(info_path.read_text(encoding="utf-8"))
        scale.log(f"warehouse: reusing {path} (built at commit {info['built_at_commit'][:10]})")
        return path, info | {"reused": True}
    scale.remove_warehouse(path)
    (work / "duckdb-tmp").mkdir(parents=True, exist_ok=True)
    base, base_info = scale.base_warehouse(work, records)
    if base_info["articles"] != len(records):
        raise BenchmarkError(f"{base} holds a base of {base_info['articles']} articles, not {len(records)}: "
                             f"give --base {base_info['articles']} or another --work")
    if articles < base_info["articles"]:
        raise BenchmarkError(f"--articles {articles} is fewer than the base's {base_info['articles']}: "
                             f"give a smaller --base")
    shutil.copyfile(base, path)
    info: dict = {"articles": articles, "base_articles": base_info["articles"], "base_run": base_info["run"],
                  "built_at_commit": _git_commit()["commit"]}
    if articles > base_info["articles"]:
        scale.log(f"warehouse: replicating the base to {articles:,} articles ...")
        info["replication"] = scale.replicate(path, base_info["articles"], articles, work)
    # The base's run refreshed its derived tables, replicate refreshes them after copying: the
    # snapshot holds what a run's end would publish.
    started = time.perf_counter()
    snapshots.publish_snapshot(path)
    info["publish_seconds"] = time.perf_counter() - started
    info_path.write_text(json.dumps(info, indent=2), encoding="utf-8")
    scale.log(f"warehouse: {articles:,} articles published in {info['publish_seconds']:.2f} s")
    return path, info | {"reused": False}


# --- the pages ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """A page as a user opens it: its name (URL path), the input shown in the table, the query
    parameters and widget values it starts with, and text the page must show with that input."""

    page: str
    label: str
    query_params: dict = field(default_factory=dict)
    widgets: dict = field(default_factory=dict)
    expect: str = ""


def page_cases(db_path: Path) -> tuple[list[Case], dict]:
    """The pages with their typical inputs, chosen in the published state as the pages list them,
    and what each must show with it (found here, on the snapshot, not by the page)."""
    snapshot = snapshots.snapshot_path(db_path)
    with duckdb.connect(str(snapshot), read_only=True) as con:
        one = lambda sql: con.execute(sql).fetchone()   # noqa: E731
        articles, = one("select count(*) from article_overview")
        entity_id, entity = one("select entity_id, name from top_entities_by_type "
                                "order by mention_count desc, article_count desc, name limit 1")
        figures, money = one("select count(*), count(*) filter (where kind = 'money') from amounts_in_context")
        places, = one("select count(*) from place_mentions")
        multi_stories, = one("select count(*) from stories where articles > 1")
        story_id, story_articles = one("select story_id, articles from stories "
                                       "order by articles desc, last_published desc nulls last, story_id limit 1")
        article_id, article_mentions, title = one(
            "select m.article_id, count(*), any_value(a.title) from mentions m join articles a using (article_id) "
            "group by 1 order by 2 desc, 1 limit 1")
    engine = db.connect(snapshot, read_only=True)
    try:
        hits = len(search_results.search(engine, SEARCH_TEXT, one_per_story=True, limit=30))
    finally:
        engine.dispose()
    no_story = "No story is told by more than one article yet."
    cases = [
        Case("overview", "-", expect=spanish_number(articles)),
        Case("entities", "no entity chosen", expect="entities shown"),
        Case("entities", f"?entity= the most mentioned ({entity})", {"entity": entity_id}, expect=entity),
        Case("figures", "every figure", expect=f"Figures matching {spanish_number(figures)}"),
        Case("figures", "kind = money", widgets={"figure_kind": "money"},
             expect=f"Figures matching {spanish_number(money)}"),
        Case("map", "-", expect="Countries" if places else "No mention resolved to a place yet."),
        Case("stories", "no story chosen", expect="stories told by more than one article" if multi_stories else no_story),
        Case("stories", f"?story= the largest ({story_articles} articles)", {"story": story_id},
             expect=f"Its {story_articles} articles" if multi_stories else no_story),
        Case("search", f"\"{SEARCH_TEXT}\"", widgets={"search_text": SEARCH_TEXT},
             expect=f"{hits} best matches" if hits else "No article matches."),
        Case("article", f"?id= the most mentions ({article_mentions})", {"id": article_id}, expect=title or "(no title)"),
    ]
    chosen = {"articles": articles, "entity_id": entity_id, "entity": entity, "figures": figures,
              "money_figures": money, "place_mentions": places, "multi_article_stories": multi_stories,
              "story_id": story_id, "story_articles": story_articles, "article_id": article_id,
              "article_mentions": article_mentions, "search_text": SEARCH_TEXT, "search_hits": hits}
    return cases, chosen


def page_text(at: AppTest) -> str:
    """What a reader of the page sees as text: titles, captions, paragraphs, metrics, links."""
    parts = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "info", "success"):
        parts += [str(element.value) for element in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [str(link.proto.label) for link in at.get("page_link")]
    return "\n".join(parts)


def check_page(at: AppTest, case: Case) -> None:
    """Raise unless the page drew what its input asks for."""
    if at.exception:
        raise BenchmarkError(f"{case.page} ({case.label}) raised: {at.exception[0].value}")
    if at.warning:
        raise BenchmarkError(f"{case.page} ({case.label}) warned: {at.warning[0].value}")
    if case.expect not in page_text(at):
        raise BenchmarkError(f"{case.page} ({case.label}) does not show {case.expect!r}:\n{page_text(at)[:1500]}")


class Tracer:
    """The readers the pages open (to close them for a cold run) and the queries each run makes:
    `Reader.query` (the page's `sql/dashboard/` queries) and the search (`sql/search/search.sql`),
    each with its parameters and its seconds inside the page (the first includes opening the reader)."""

    def __init__(self) -> None:
        self.readers: weakref.WeakSet = weakref.WeakSet()
        self.queries: list[dict] = []

    @contextmanager
    def installed(self):
        init, query, search = source.Reader.__init__, source.Reader.query, search_results.search
        tracer = self

        def traced_init(reader, *args, **kwargs):
            init(reader, *args, **kwargs)
            tracer.readers.add(reader)

        def traced_query(reader, state, name, **parameters):
            started = time.perf_counter()
            try:
                return query(reader, state, name, **parameters)
            finally:
                tracer.queries.append({"query": name, "parameters": parameters,
                                       "seconds_in_page": time.perf_counter() - started})

        def traced_search(engine, text, **options):
            # Its SQL's parameters as `search` passes them: its own arguments, `text` as `search_text`.
            bound = inspect.signature(search).bind(engine, text, **options)
            bound.apply_defaults()
            parameters = {("search_text" if k == "text" else k): v for k, v in bound.arguments.items() if k != "engine"}
            started = time.perf_counter()
            try:
                return search(engine, text, **options)
            finally:
                tracer.queries.append({"query": "search/search", "parameters": parameters,
                                       "seconds_in_page": time.perf_counter() - started})

        source.Reader.__init__, source.Reader.query, search_results.search = traced_init, traced_query, traced_search
        try:
            yield self
        finally:
            source.Reader.__init__, source.Reader.query, search_results.search = init, query, search

    def fresh_caches(self) -> None:
        """As a new dashboard process would start: no reader open (DuckDB drops the snapshot's
        database instance with its last connection), no cached query or resource."""
        for reader in list(self.readers):
            reader.close()
        with outside_a_script_run():
            st.cache_data.clear()
            st.cache_resource.clear()


@contextmanager
def outside_a_script_run():
    """Streamlit warns at each use outside a script run (no runtime, no script context): here,
    where AppTest is set up and caches cleared, that is expected, and would bury the report."""
    logging.disable(logging.WARNING)
    try:
        yield
    finally:
        logging.disable(logging.NOTSET)


def new_app(case: Case) -> AppTest:
    """A new session on `case`'s page, its query parameters and widget values set before its first run."""
    with outside_a_script_run():
        at = AppTest.from_string(SCRIPT.format(page=case.page), default_timeout=PAGE_TIMEOUT_SECONDS)
        for key, value in case.query_params.items():
            at.query_params[key] = value
        for key, value in case.widgets.items():
            at.session_state[key] = value
    return at


def timed_run(at: AppTest) -> float:
    started = time.perf_counter()
    at.run()
    return time.perf_counter() - started


def measure_case(case: Case, tracer: Tracer, repeats: int) -> dict:
    """Cold and warm seconds of `case`, `repeats` times each, and the queries of each cold run."""
    cold, warm, traces = [], [], []
    for _ in range(repeats):
        tracer.fresh_caches()
        at = new_app(case)
        tracer.queries = []
        cold.append(timed_run(at))
        traces.append(tracer.queries)
        check_page(at, case)
        tracer.queries = []
        warm.append(timed_run(at))
        check_page(at, case)
        if tracer.queries:   # a warm rerun is served by the cache: a query here is a cache miss
            traces[-1] = traces[-1] + [q | {"warm_rerun": True} for q in tracer.queries]
    return {"page": case.page, "input": case.label, "query_params": case.query_params, "widgets": case.widgets,
            "cold_seconds": statistics.median(cold), "warm_seconds": statistics.median(warm),
            "cold_runs": cold, "warm_runs": warm, "queries": traces}


def warm_up(tracer: Tracer) -> None:
    """One untimed page run first: the first run in a process imports the pages, pandas, Altair
    and pyarrow's conversions, which a dashboard process does once, not per page."""
    tracer.fresh_caches()
    at = new_app(Case("overview", "-"))
    at.run()
    if at.exception:
        raise BenchmarkError(f"overview raised: {at.exception[0].value}")


# --- the queries of a slow page -----------------------------------------------------------------

def query_seconds(snapshot: Path, name: str, parameters: dict, repeats: int = 3) -> dict:
    """One query alone on a new read-only connection to the snapshot (as the reader opens it:
    external access off, UTC): its first run, then the median of `repeats`, fetched as Arrow."""
    sql = source.sql_text(name)
    with duckdb.connect(str(snapshot), read_only=True, config={"enable_external_access": False}) as con:
        con.execute("set TimeZone = 'UTC'")
        con.execute("set enable_progress_bar = false")   # a slow query's bar would run through the report

        def once() -> tuple[float, int]:
            started = time.perf_counter()
            rows = con.execute(sql, parameters).to_arrow_table().num_rows
            return time.perf_counter() - started, rows
        first, rows = once()
        runs = [once()[0] for _ in range(repeats)]
    return {"first_seconds": first, "seconds": statistics.median(runs), "runs": runs, "rows": rows}


def page_queries(result: dict, snapshot: Path) -> list[dict]:
    """Each distinct query the page's cold runs made, its median seconds inside the page and its
    seconds alone on the snapshot, slowest first."""
    by_query: dict[str, dict] = {}
    for trace in result["queries"]:
        for q in trace:
            if q.get("warm_rerun"):
                continue
            key = json.dumps([q["query"], q["parameters"]], default=str, sort_keys=True)
            by_query.setdefault(key, {"query": q["query"], "parameters": q["parameters"], "in_page": []})
            by_query[key]["in_page"].append(q["seconds_in_page"])
    timed = []
    for q in by_query.values():
        alone = query_seconds(snapshot, q["query"], q["parameters"])
        timed.append({"query": q["query"], "parameters": q["parameters"],
                      "seconds_in_page": statistics.median(q["in_page"])} | alone)
    return sorted(timed, key=lambda q: -q["first_seconds"])


# --- the report ---------------------------------------------------------------------------------

def verdict(result: dict, target: float) -> str:
    return "over" if max(result["cold_seconds"], result["warm_seconds"]) > target else "under"


def format_table(results: list[dict], target: float, repeats: int) -> str:
    width = max(len(r["input"]) for r in results)
    lines = [f"{'page':<9} {'input':<{width}} {'cold median s':>13} {'warm median s':>13} {'target s':>8}  "
             f"over/under (medians of {repeats})"]
    for r in results:
        lines.append(f"{r['page']:<9} {r['input']:<{width}} {r['cold_seconds']:>13.3f} {r['warm_seconds']:>13.3f} "
                     f"{target:>8g}  {verdict(r, target)}")
    return "\n".join(lines)


def format_queries(result: dict) -> str:
    in_page = statistics.median(sum(q["seconds_in_page"] for q in trace if not q.get("warm_rerun"))
                                for trace in result["queries"])
    lines = [f"\n{result['page']} ({result['input']}): cold {result['cold_seconds']:.3f} s, of which its queries "
             f"{in_page:.3f} s in the page (the first opens the reader; the rest of the page: Python, pandas, "
             f"charts, Streamlit's messages)",
             f"  {'query':<28} {'in page s':>9} {'alone: first s':>14} {'then s':>8} {'rows':>8}  parameters"]
    for q in result["breakdown"]:
        shown = ", ".join(f"{k}={v!r}" for k, v in sorted(q["parameters"].items()))
        lines.append(f"  {q['query']:<28} {q['seconds_in_page']:>9.3f} {q['first_seconds']:>14.3f} "
                     f"{q['seconds']:>8.3f} {q['rows']:>8,}  {shown[:100]}")
    return "\n".join(lines)


def write_record(results_dir: Path, record: dict) -> Path:
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / f"dashboard-{datetime.now():%Y%m%dT%H%M%S}.json"
    path.write_text(json.dumps(record, indent=2, default=str) + "\n", encoding="utf-8")
    return path


@contextmanager
def dashboard_on(db_path: Path):
    """The dashboard's code reading the warehouse at `db_path`, traced (yields the Tracer)."""
    previous = os.environ.get("NEWS_WAREHOUSE_DB")
    os.environ["NEWS_WAREHOUSE_DB"] = str(db_path)   # what `news-warehouse dashboard --db` sets
    tracer = Tracer()
    try:
        with tracer.installed():
            yield tracer
    finally:
        tracer.fresh_caches()   # no reader left open on the snapshot
        if previous is None:
            os.environ.pop("NEWS_WAREHOUSE_DB", None)
        else:
            os.environ["NEWS_WAREHOUSE_DB"] = previous


def measure(db_path: Path, repeats: int, target: float) -> tuple[list[dict], dict]:
    """Every page case on the warehouse at `db_path` (published), slow pages' queries timed alone."""
    cases, chosen = page_cases(db_path)
    results = []
    with dashboard_on(db_path) as tracer:
        warm_up(tracer)
        for case in cases:
            results.append(measure_case(case, tracer, repeats))
            scale.log(f"{case.page} ({case.label}): cold {results[-1]['cold_seconds']:.3f} s, "
                      f"warm {results[-1]['warm_seconds']:.3f} s")
    # After the pages: their reader is closed, so these connections open the snapshot anew.
    for result in results:
        if result["cold_seconds"] > target:
            result["breakdown"] = page_queries(result, snapshots.snapshot_path(db_path))
    return results, chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the warehouse (default 10000)")
    parser.add_argument("--work", type=Path, help="build the warehouse in DIR and keep it; reuse what DIR holds")
    parser.add_argument("--repeats", type=int, default=3, help="cold and warm runs of each page (median)")
    parser.add_argument("--target", type=float, default=TARGET_SECONDS, help="seconds a page may take")
    parser.add_argument("--base", type=int, help="corpus articles in the base warehouse (default every one)")
    parser.add_argument("--corpus", type=Path, default=scale.CORPUS_DIR)
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR)
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    work = (args.work or Path(tempfile.mkdtemp(prefix="news-dashboard-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    try:
        records = scale.corpus_records(args.corpus)[:args.base]
        db_path, info = build_warehouse(work, args.articles, records)
        results, chosen = measure(db_path, args.repeats, args.target)
    except BenchmarkError as error:
        print(f"dashboard: error: {error}", file=sys.stderr)
        return 1
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n=== dashboard pages at {info['articles']:,} articles (AppTest, this process; "
          f"cold: caches cleared, reader reopened; warm: the same session rerun)")
    print(format_table(results, args.target, args.repeats))
    slow = [r for r in results if "breakdown" in r]
    if slow:
        print(f"\npages over {args.target:g} s cold, their queries (alone: on a new read-only connection to the "
              f"snapshot, first run, then the median of 3):")
        for result in slow:
            print(format_queries(result))
    record = {"benchmark": "dashboard", "recorded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                          "duckdb": duckdb.__version__, "streamlit": st.__version__},
              "git": _git_commit(), "settings": {"articles": args.articles, "repeats": args.repeats,
                                                 "target_seconds": args.target, "search_text": SEARCH_TEXT},
              "warehouse": info, "inputs": chosen, "results": results}
    print(f"\nrecord: {write_record(args.results_dir, record)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

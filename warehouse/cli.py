"""The `news-warehouse` command: parses arguments and calls the library (or, for `run` and
`serve`, the Prefect flow). User mistakes print one line and exit 2; bugs keep their traceback."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import textwrap
from pathlib import Path

from warehouse import __version__
from warehouse.config import (DEFAULT_BATCH_SIZE, DEFAULT_CRON, DEFAULT_KEEP_DAYS, Lake, Settings, SettingsError,
                              location_text, positive_int, settings_from)
from warehouse.reading.sources import InboxError
from warehouse.dashboard.launch import DEFAULT_HOST, DEFAULT_PORT, DashboardError, cmd_dashboard
from warehouse.commands import (VIEW_ROWS, UsageError, cmd_delete, cmd_eval, cmd_export, cmd_maintain, cmd_query,
                                cmd_search, cmd_status)
from warehouse.storage import db, output_formats, snapshots, writer_lock


USER_ERRORS = (UsageError, SettingsError, InboxError, db.WarehouseError, DashboardError)


def _user_errors() -> tuple[type[BaseException], ...]:
    """USER_ERRORS and the missing model's, without importing spaCy into every command to name
    it (0.9 s: `status` and `query` never load the model): a command that never imported the
    pipeline cannot have raised it."""
    pipeline = sys.modules.get("warehouse.extraction.pipeline")
    return USER_ERRORS + ((pipeline.ModelNotInstalled,) if pipeline else ())


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="warehouse file, or a DuckLake: ducklake:sqlite:PATH, "
                                     "'ducklake:postgres:CONNINFO' (default: $NEWS_WAREHOUSE_DB or ./warehouse.duckdb)")


def _add_inbox(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--inbox", help="folder of .txt/.jsonl article files "
                                        "(default: $NEWS_WAREHOUSE_INBOX or the bundled seeds/articles)")


def _add_task_runner(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--task-runner", choices=["local", "dask"],
                        help="where extraction batches run: local worker processes (default: "
                             "$NEWS_WAREHOUSE_TASK_RUNNER or local) or a Dask cluster")
    parser.add_argument("--dask-address", metavar="ADDRESS",
                        help="an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: "
                             "$NEWS_WAREHOUSE_DASK_ADDRESS; none: a temporary local cluster)")


def _parameter(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not equals or not name.isidentifier():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name, value


def _positive_int_argument(text: str) -> int:
    try:
        return positive_int(text, "value")
    except SettingsError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _non_negative_int_argument(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, got {text!r}")
    return value


def _date_argument(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


class _OneLineErrors(argparse.ArgumentParser):
    """Argument mistakes read like every other user error: one line, exit 2 (argparse's own
    prints the usage block first)."""

    def error(self, message: str):
        self.exit(2, f"news-warehouse: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineErrors(
        prog="news-warehouse",
        description="Spanish news wire -> entities and figures -> a DuckDB star schema.")
    parser.add_argument("--version", action="version", version=f"news-warehouse {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="run the ingest flow once over the inbox",
                              description="Run the ingest_news Prefect flow once: load every new "
                                          "article of the inbox into the warehouse and print a summary.")
    _add_inbox(run)
    _add_db(run)
    run.add_argument("--batch-size", type=_positive_int_argument,
                     help="articles per extraction task "
                          f"(default: $NEWS_WAREHOUSE_BATCH_SIZE or {DEFAULT_BATCH_SIZE})")
    _add_task_runner(run)
    _add_verbose(run)

    serve = commands.add_parser("serve", help="serve the ingest flow on a cron schedule (long-running)",
                                description="Register the ingest_news deployment with a cron schedule "
                                            "and run its flow runs until interrupted (Ctrl-C).")
    serve.add_argument("--cron", default=DEFAULT_CRON, help=f"cron expression (default {DEFAULT_CRON!r})")
    _add_inbox(serve)
    _add_db(serve)
    _add_task_runner(serve)
    _add_verbose(serve)

    reprocess = commands.add_parser(
        "reprocess", help="re-extract stored articles after the extractor changed",
        description="Run the reprocess_articles Prefect flow: re-extract every stored article whose "
                    "mentions and amounts came from another extractor version (all with --all) and "
                    "swap its facts in one transaction per batch; readers see the result when it is done.")
    reprocess.add_argument("--all", action="store_true", dest="everything",
                           help="re-extract every article, also those of the current version")
    _add_db(reprocess)
    reprocess.add_argument("--batch-size", type=_positive_int_argument,
                           help="articles per extraction task "
                                f"(default: $NEWS_WAREHOUSE_BATCH_SIZE or {DEFAULT_BATCH_SIZE})")
    _add_verbose(reprocess)

    extract = commands.add_parser(
        "extract", help="JSONL {id, text} in -> JSONL entities and amounts out (stable contract)",
        description="Read JSONL records {\"id\", \"text\"} from the files given or stdin and write one "
                    "JSONL line per record to stdout, in order: {\"id\", \"entities\": [...], "
                    "\"amounts\": [...]}. See README, 'The extract contract'.")
    extract.add_argument("files", nargs="*", type=Path, help="JSONL files; `-` or none: standard input")

    query = commands.add_parser("query", help="run read-only SQL, or show a view or table by name",
                                description="Run a read-only SQL statement, or print a view or table "
                                            "given by name, on the warehouse.")
    query.add_argument("sql", metavar="SQL|VIEW")
    query.add_argument("--format", choices=output_formats.FORMATS, default=None,
                       help="table, csv (lists as JSON arrays), json (one array), jsonl (one object a "
                            "line), parquet (needs --output); numbers stay numbers. Default: from the "
                            "--output file's extension (.csv, .json, .jsonl, .parquet), else table")
    query.add_argument("--output", "-o", type=Path, metavar="FILE",
                       help="write the rows to FILE instead of standard output")
    query.add_argument("--limit", type=_non_negative_int_argument, default=None, metavar="N",
                       help=f"at most N rows, 0 for all (default: all, but {VIEW_ROWS} for a view or "
                            "table given by name and printed as a table)")
    query.add_argument("--width", type=_non_negative_int_argument, default=60, metavar="N",
                       help="table format: cut cells at N characters, 0 for never (default: 60)")
    query.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", type=_parameter,
                       help="a value for `$NAME` in the SQL, bound, never pasted into it (repeatable); "
                            "e.g. --param name='Vladímir Putin'")
    _add_db(query)

    export = commands.add_parser(
        "export", help="every table and view to Parquet files in a folder, with a manifest",
        description="Write each table and view of the warehouse's published snapshot to "
                    "FOLDER/<name>.parquet (DuckDB's types kept) and FOLDER/manifest.json (per file: "
                    "rows, columns with types and descriptions, SHA-256; the schema version and last "
                    "run exported). The new export replaces an earlier one whole, by renames.")
    export.add_argument("folder", type=Path, metavar="FOLDER", help="a new or empty folder, or an earlier export")
    export.add_argument("--only", action="append", metavar="NAME[,NAME…]",
                        help="only these tables and views (repeatable, or comma-separated)")
    export.add_argument("--replace", action="store_true", help="replace the earlier export in FOLDER")
    _add_db(export)

    delete = commands.add_parser(
        "delete", help="delete withdrawn articles, with their facts, stories and deliveries",
        description="Delete articles and everything stored for them (mentions, amounts, sentences, "
                    "story data, search index, deliveries), place the other articles of their stories "
                    "again, and record each in article_retractions so no run loads it again. Takes the "
                    "writer lock like a run and publishes the snapshot when done.")
    which = delete.add_mutually_exclusive_group(required=True)
    which.add_argument("--article", action="append", metavar="ID", help="an article id (repeatable)")
    which.add_argument("--source-file", metavar="PATH",
                       help="every article this inbox file delivered (as source_files.path has it); "
                            "articles other files delivered too are kept")
    delete.add_argument("--reason", help="why, kept in article_retractions")
    delete.add_argument("--dry-run", action="store_true", help="say what would be deleted, change nothing")
    _add_db(delete)

    maintain = commands.add_parser(
        "maintain", help="compact the warehouse and expire old DuckLake snapshots",
        description="On a DuckLake: merge small data files, rewrite files with many deleted rows, "
                    "expire the snapshots older than --keep-days (never the last published one, "
                    "which readers attach at) and delete the data files no kept snapshot needs. On a "
                    "DuckDB file: a checkpoint. Takes the writer lock like a run; readers go on reading.")
    maintain.add_argument("--keep-days", type=float, default=DEFAULT_KEEP_DAYS, metavar="DAYS",
                          help=f"keep this many days of snapshots for time travel (default {DEFAULT_KEEP_DAYS:g})")
    maintain.add_argument("--dry-run", action="store_true", help="say what would be expired, change nothing")
    _add_db(maintain)

    search = commands.add_parser(
        "search", help="full-text search: which articles talk about X (BM25, Spanish stems)",
        description="Rank the warehouse's articles for some words, by BM25 over Spanish stems of title "
                    "and body: any form of a word matches (`ruso` finds `rusos`, `Rusa`), case and "
                    "accents do not matter, function words are ignored. A story (an article and its "
                    "re-sends and rewrites) is shown once, as its best article. The same ranking is "
                    "SQL for dashboards: `select * from search_articles('gas ruso')`.")
    search.add_argument("text", metavar="WORDS", help="the words to look for, in one argument")
    search.add_argument("--since", type=_date_argument, metavar="YYYY-MM-DD",
                        help="only articles published on or after this day")
    search.add_argument("--until", type=_date_argument, metavar="YYYY-MM-DD",
                        help="only articles published on or before this day")
    search.add_argument("--outlet", metavar="NAME", help="only articles of this outlet (case and accents aside), e.g. EFE")
    search.add_argument("--all-words", action="store_true", help="only articles holding every word asked")
    search.add_argument("--every-copy", action="store_true",
                        help="list every matching article, not one per story")
    search.add_argument("--limit", type=_non_negative_int_argument, default=10, metavar="N",
                        help="at most N results, 0 for all (default 10)")
    search.add_argument("--format", choices=output_formats.TEXT_FORMATS, default="table",
                        help="table (default: a block per result with its snippet), csv, json, jsonl")
    _add_db(search)

    evaluate = commands.add_parser(
        "eval", help="score extraction against a hand-annotated gold set",
        description="figures: score the figure extractor against tests/data/figures_gold.jsonl "
                    "(precision, recall and F1 per kind, exact-span scores, value/unit/qualifier/object "
                    "accuracy on matched figures). entities: score the raw spaCy model and the "
                    "warehouse pipeline side by side against tests/data/entities_gold.jsonl "
                    "(exact span and label, P/R/F1 per label), by default on its test split, which "
                    "no rule or model was tuned on. places: resolve the pipeline's place mentions and score "
                    "them against tests/data/places_gold_6.jsonl (accuracy of resolved places, share "
                    "resolved, most common failures).")
    evaluate.add_argument("what", choices=["figures", "entities", "places"])
    evaluate.add_argument("--gold", type=Path,
                          help="gold JSONL (default: tests/data/<what>_gold.jsonl; places: places_gold_6.jsonl)")
    evaluate.add_argument("--split", choices=["test", "dev", "train", "all"], default="test",
                          help="entities: which split of the gold to score (default: test)")
    evaluate.add_argument("--errors", action="store_true",
                          help="also list every miss, spurious and wrong item (for entities: of the pipeline)")

    status = commands.add_parser(
        "status", help="row counts, the last runs, files that need a look, the run in progress",
        description="From the published snapshot: the row counts of the main tables (articles, "
                    "entities, mentions, amounts, deliveries, source_files, rejections, runs; any "
                    "other: `news-warehouse query \"select count(*) from TABLE\"`), the last runs with their counts, the files rejected, partly "
                    "loaded or loaded with warnings, and the run in progress if any.")
    _add_db(status)

    dashboard = commands.add_parser(
        "dashboard", help="the desk's web dashboard on the published state (long-running)",
        description="Serve the dashboard (Streamlit): overview, entities, figures, map, stories, search and "
                    "articles, read from the published snapshot, never the writer's file, so it answers during "
                    "runs and shows each newly published state within seconds. Offline; no usage statistics.")
    dashboard.add_argument("--host", default=DEFAULT_HOST,
                           help=f"address to listen on (default {DEFAULT_HOST}: this machine only; 0.0.0.0 for every interface)")
    dashboard.add_argument("--port", type=_positive_int_argument, default=DEFAULT_PORT,
                           help=f"port to listen on (default {DEFAULT_PORT})")
    _add_db(dashboard)
    _add_examples(parser, commands)
    return parser


# Every sub-command's --help ends with examples a user can paste.
_EXAMPLES = {
    "run": ["news-warehouse run",
            "news-warehouse run --inbox /srv/wire/inbox --db /srv/wire/warehouse.duckdb",
            "NEWS_WAREHOUSE_BATCH_SIZE=128 news-warehouse run --verbose"],
    "serve": ["news-warehouse serve --inbox /srv/wire/inbox --db /srv/wire/warehouse.duckdb",
              "news-warehouse serve --cron '0 * * * *'      # hourly"],
    "reprocess": ["news-warehouse reprocess", "news-warehouse reprocess --all --batch-size 256"],
    "extract": ["echo '{\"id\": 1, \"text\": \"Moscú, 11 nov (EFE).- Rusia invertirá 30.000 millones de "
                "dólares en Kazajistán.\"}' | news-warehouse extract"],
    "query": ["news-warehouse query amounts_in_context --limit 20",
              "news-warehouse query \"select name, mention_count from entities order by 2 desc limit 10\"",
              "news-warehouse query \"select * from amount_entities where entity_name = \\$who\" --param who=Rusia",
              "news-warehouse query story_money --format parquet --output story_money.parquet"],
    "search": ["news-warehouse search \"gasoducto ruso\"",
               "news-warehouse search \"Putin Tokáyev\" --all-words --since 2025-11-01 --outlet EFE",
               "news-warehouse search vacuna --format csv --limit 100 > vacuna.csv"],
    "export": ["news-warehouse export parquet/",
               "news-warehouse export parquet/ --replace --only articles,mentions --only amounts_in_context"],
    "delete": ["news-warehouse delete --article 5e43556c0a… --reason \"withdrawn by EFE\"",
               "news-warehouse delete --source-file efe/2025-11-11.txt --dry-run"],
    "maintain": ["news-warehouse maintain --db ducklake:sqlite:/srv/wire/lake.sqlite",
                 "news-warehouse maintain --db ducklake:sqlite:/srv/wire/lake.sqlite --keep-days 30 --dry-run"],
    "eval": ["news-warehouse eval figures", "news-warehouse eval entities --split dev --errors",
             "news-warehouse eval places --errors"],
    "dashboard": ["news-warehouse dashboard", "news-warehouse dashboard --db /srv/wire/warehouse.duckdb --port 8600",
                  "news-warehouse dashboard --db ducklake:sqlite:/srv/wire/lake.sqlite --host 0.0.0.0"],
    "status": ["news-warehouse status", "NEWS_WAREHOUSE_DB=/srv/wire/warehouse.duckdb news-warehouse status"],
}


def _add_examples(parser: argparse.ArgumentParser, commands) -> None:
    for name, sub in commands.choices.items():
        lines = _EXAMPLES[name]
        sub.formatter_class = argparse.RawDescriptionHelpFormatter
        sub.description = textwrap.fill(sub.description or "", width=100)
        sub.epilog = (_views_list() if name == "query" else "") + "examples:\n" + "".join(f"  {line}\n" for line in lines)


def _views_list() -> str:
    """`query --help` names every view and the question it answers (from sql/catalog.toml)."""
    from warehouse.storage.catalog import load_catalog

    views = load_catalog()["views"]
    width = max(map(len, views))
    return ("views (news-warehouse query NAME; every column: CATALOG.md):\n"
            + "".join(f"  {name.ljust(width)}  {entry['answers']}\n" for name, entry in views.items())
            + "which articles talk about X: `news-warehouse search WORDS`, or in SQL "
              "`select * from search_articles('WORDS')`\n\n")


def check_run_settings(settings: Settings, *, wait_for_writer: bool = True) -> None:
    """Fail fast, in one line, on what a user can fix before a flow starts. `wait_for_writer`:
    wait (bounded) for a run in progress; else (serve, whose runs wait themselves) skip opening."""
    if not settings.inbox.exists():
        raise InboxError(f"inbox not found: {settings.inbox}")
    if not settings.inbox.is_dir():
        raise InboxError(f"inbox is not a directory: {settings.inbox}")
    folder = Path(settings.db_path.catalog).parent if isinstance(settings.db_path, Lake) \
        and settings.db_path.backend == "sqlite" else getattr(settings.db_path, "parent", None)
    if folder is not None and not folder.is_dir():
        raise db.WarehouseError(f"cannot create warehouse {settings.db_path}: "
                                f"directory {folder} does not exist")
    if isinstance(settings.db_path, Path) and settings.db_path.exists() \
            and not os.access(settings.db_path, os.R_OK | os.W_OK):
        raise db.WarehouseError(f"warehouse {settings.db_path} is not readable and writable")
    if wait_for_writer:
        # Another run writing: wait for it here, so giving up is one line, not a failed flow run.
        writer_lock.wait_until_free(settings.db_path, wait_seconds=settings.lock_wait_seconds)
    elif writer_lock.lock_holder(settings.db_path) is not None:
        return
    # Opening it now turns "a directory" or "not a DuckDB file" into one line here rather than a
    # failed flow run with a traceback.
    if settings.db_path.exists():
        db.connect(settings.db_path).dispose()


def _add_verbose(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="also Prefect's line per task run (\"Finished in state Completed()\"); by "
                             "default only the flow's own lines: a line per batch with the progress")


def _prefect_log_level(verbose: bool) -> None:
    # Before Prefect is imported: it reads its logging settings then. Task runs log two lines
    # each at INFO, dozens per batch, which drown the flow's own progress lines; a user's own
    # setting of this variable wins.
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL", "WARNING")


def _quiet_prefect_telemetry() -> None:
    # Deployments here reach no network but package registries: telemetry would only log errors.
    # setdefault: a user who wants it sets the variable.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Prefect's temporary server gets 20 s to start by default; a busy 2-core machine needs more.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")


def cmd_run(args: argparse.Namespace) -> int:
    settings = settings_from(db=args.db, inbox=args.inbox, batch_size=args.batch_size,
                             task_runner=args.task_runner, dask_address=args.dask_address)
    check_run_settings(settings)
    _prefect_log_level(args.verbose)
    _quiet_prefect_telemetry()
    # Prefect is imported only by the commands that run flows. Its temporary server (when none is
    # configured) starts before Prefect is imported, and boots while the flow's modules import
    # and the model loads (flows/temporary_server.py).
    from flows.temporary_server import ServerNotReady, temporary_api, start_unless_configured

    server = start_unless_configured()
    from flows.ingest import ingest_news, with_task_runner
    from warehouse.extraction.pool import warm_up

    if settings.task_runner == "local":
        warm_up(settings.extract_processes)
    try:
        with temporary_api(server):
            summary = with_task_runner(ingest_news, settings)(
                inbox=str(settings.inbox), db_path=location_text(settings.db_path), batch_size=settings.batch_size,
                task_runner=settings.task_runner, dask_address=settings.dask_address)
    except ServerNotReady as error:
        raise UsageError(str(error)) from error
    print("\n".join(summary.lines()))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    settings = settings_from(db=args.db, inbox=args.inbox, task_runner=args.task_runner,
                             dask_address=args.dask_address)
    check_run_settings(settings, wait_for_writer=False)
    _prefect_log_level(args.verbose)
    # Scheduled runs import the flow afresh; its task runner follows these (flows/ingest.py).
    os.environ["NEWS_WAREHOUSE_TASK_RUNNER"] = settings.task_runner
    if settings.dask_address:
        os.environ["NEWS_WAREHOUSE_DASK_ADDRESS"] = settings.dask_address
    _quiet_prefect_telemetry()
    from flows.deploy import ingest_deployment, serve_deployment
    from flows.server import ServerNotReady, prefect_api

    if len(args.cron.split()) != 5:
        # Prefect also takes a sixth and seventh field (seconds, years) but schedules by the
        # minute: `0 */15 * * * * *` would be read as something else than its author meant.
        raise UsageError(f"invalid --cron {args.cron!r}: expected 5 fields (minute hour day-of-month "
                         f"month day-of-week), e.g. '*/15 * * * *'")
    try:
        deployment = ingest_deployment(cron=args.cron, inbox=str(settings.inbox.resolve()),
                                       task_runner=settings.task_runner, dask_address=settings.dask_address,
                                       db_path=location_text(settings.db_path.resolve()))
    except ValueError as error:   # Prefect's schedule validation (a pydantic ValidationError)
        details = getattr(error, "errors", lambda: [])()
        reason = details[0]["msg"].removeprefix("Value error, ") if details else str(error).splitlines()[0]
        raise UsageError(f"invalid --cron {args.cron!r}: {reason}") from error
    try:
        with prefect_api() as (api_url, started_here):
            banner = serve_banner(deployment, settings, api_url=api_url, started_here=started_here, cron=args.cron)
            how = serve_deployment(deployment, on_registered=lambda: print(banner, flush=True))
    except ServerNotReady as error:
        raise UsageError(str(error)) from error
    print(f"news-warehouse: serving stopped ({how}); no scheduled run starts until the next `serve`",
          file=sys.stderr)
    return 0


def serve_banner(deployment, settings: Settings, *, api_url: str, started_here: bool, cron: str) -> str:
    """What a user of `serve` needs: where the UI is, how to reach this server from another
    shell, what is served where, and when the next run is."""
    from flows.deploy import DEPLOYMENT_NAME, next_run
    from flows.server import log_path

    ui = api_url.removesuffix("/").removesuffix("/api")
    due = next_run(deployment)
    lines = [
        f"news-warehouse serve: flow ingest_news on schedule {cron!r} ({due.tzname()}), one run at a time",
        f"  next run    {due:%Y-%m-%d %H:%M %Z}",
        f"  inbox       {settings.inbox.resolve()}",
        f"  warehouse   {settings.db_path.resolve()} (readers: {_readers_of(settings.db_path.resolve())})",
        f"  Prefect UI  {ui}" + (f" (a local server started for this; its log: {log_path()})" if started_here else ""),
        "  from another shell, on this server:",
        f"    export PREFECT_API_URL={api_url}",
        f"    prefect deployment run 'ingest_news/{DEPLOYMENT_NAME}'    # a run now",
        "Ctrl-C or SIGTERM stops serving" + (" and the local server." if started_here else "."),
    ]
    return "\n".join(lines)


def _readers_of(where: Path | Lake) -> str:
    return "the lake at its last published snapshot" if isinstance(where, Lake) else str(snapshots.snapshot_path(where))


def cmd_reprocess(args: argparse.Namespace) -> int:
    settings = settings_from(db=args.db, batch_size=args.batch_size)
    if not settings.db_path.exists():
        raise db.WarehouseError(f"no warehouse at {settings.db_path}: run `news-warehouse run` first")
    writer_lock.wait_until_free(settings.db_path, wait_seconds=settings.lock_wait_seconds)
    db.connect(settings.db_path).dispose()   # a directory, not DuckDB, in use: one line, before the flow
    _prefect_log_level(args.verbose)
    _quiet_prefect_telemetry()
    from flows.temporary_server import ServerNotReady, temporary_api, start_unless_configured

    server = start_unless_configured()   # as in `run`
    from flows.reprocess import reprocess_articles
    from warehouse.extraction.pool import warm_up

    warm_up(settings.extract_processes)
    try:
        with temporary_api(server):
            summary = reprocess_articles(db_path=location_text(settings.db_path), batch_size=settings.batch_size,
                                         everything=args.everything)
    except ServerNotReady as error:
        raise UsageError(str(error)) from error
    print("\n".join(summary.lines()))
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from warehouse.extraction.contract import run_extract_contract

    for path in args.files:
        if str(path) == "-":
            continue
        if path.is_dir():
            raise UsageError(f"input is a directory, expected a JSONL file: {path}")
        if not path.is_file():
            raise UsageError(f"input file not found: {path}")
    # Bytes in: a line that is not UTF-8 gets its own error line instead of ending the stream.
    for path in args.files or [None]:   # None or `-`: standard input
        if path is None or str(path) == "-":
            run_extract_contract(sys.stdin.buffer, sys.stdout)
        else:
            with open(path, "rb") as handle:
                run_extract_contract(handle, sys.stdout)
    return 0


COMMANDS = {"run": cmd_run, "reprocess": cmd_reprocess, "serve": cmd_serve, "extract": cmd_extract,
            "query": cmd_query, "search": cmd_search, "export": cmd_export, "delete": cmd_delete,
            "maintain": cmd_maintain, "eval": cmd_eval, "status": cmd_status, "dashboard": cmd_dashboard}


class Terminated(BaseException):
    """SIGTERM outside a flow run (inside one, Prefect raises its own TerminationSignal)."""


def _exit_on_sigterm(signum, frame) -> None:
    # SIGTERM (a supervisor stopping the command) unwinds the stack: the run is recorded as
    # failed, the writer lock released, and Prefect's temporary server stopped, not orphaned.
    raise Terminated


_SIGTERM_EXCEPTIONS = ("Terminated", "TerminationSignal")   # ours, and Prefect's inside a flow run


def _terminated(error: BaseException | None) -> bool:
    """Whether SIGTERM is behind `error`. Prefect's TerminationSignal interrupting a DuckDB query
    comes back in two shapes (both reproduced with SIGALRM): chained to DuckDB's "Query
    interrupted", or, when it hit DuckDB's scan of a registered Arrow table, only as the text
    of a `duckdb.Error` ("TerminationSignal: <EMPTY MESSAGE>"), the exception itself gone."""
    while error is not None:
        if type(error).__name__ in _SIGTERM_EXCEPTIONS or str(error).split(":", 1)[0] in _SIGTERM_EXCEPTIONS:
            return True
        error = error.__cause__ or error.__context__
    return False


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("news-warehouse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `news-warehouse query ... | head`
        return 0
    except BaseException as error:
        if isinstance(error, _user_errors()):
            print(f"news-warehouse: error: {error}", file=sys.stderr)
            return 2
        if not _terminated(error):
            raise
        print("news-warehouse: stopped (SIGTERM); the next run completes the work", file=sys.stderr)
        return 143


if __name__ == "__main__":
    sys.exit(main())

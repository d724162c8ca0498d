"""What the reading and upkeep commands do: `query`, `search`, `export`, `status`, `eval` and
`delete` (the argument parser and the run commands are in `cli`). Each opens the warehouse,
calls the library and prints; user mistakes raise errors `cli.main` prints as one line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warehouse.config import settings_from
from warehouse.storage import db, output_formats, reports, snapshots, writer_lock


class UsageError(Exception):
    """Something the user can fix (a bad cron expression, a server that will not start)."""


# Rows `query` prints of a view or table given by name unless --limit says otherwise: enough to
# see what it holds (`entity_cooccurrence` has 71,140 rows on the corpus).
VIEW_ROWS = 100


_EXTENSIONS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


def cmd_query(args: argparse.Namespace) -> int:
    if args.format is None:
        # `--output amounts.parquet` means Parquet: never a text table in a file named so.
        suffix = args.output.suffix.lower() if args.output is not None else ""
        if args.output is not None and suffix not in _EXTENSIONS and suffix not in (".txt", ""):
            raise UsageError(f"cannot tell the format of {args.output} from its extension: give --format")
        args.format = _EXTENSIONS.get(suffix, "table")
    if args.format == "parquet" and args.output is None:
        raise UsageError("--format parquet writes a file: give it with --output FILE")
    if args.output is not None and not args.output.parent.is_dir():
        raise UsageError(f"cannot write {args.output}: directory {args.output.parent} does not exist")
    engine = db.connect(snapshots.reader_path(settings_from(db=args.db).db_path), read_only=True)
    # A view printed by name shows its head; a file asked for gets every row unless told.
    # (To a program, in CSV or JSON, every row: a machine format is never cut without being asked.)
    default = VIEW_ROWS if reports.is_relation_name(args.sql) and args.output is None and args.format == "table" else 0
    limit = args.limit if args.limit is not None else default
    try:
        if args.format == "parquet":
            written = reports.query_to_parquet(engine, args.sql, args.output, dict(args.param), limit=limit or None)
            print(f"news-warehouse: {_count(written, 'row')} written to {args.output}", file=sys.stderr)
            return 0
        columns, rows = reports.run_query(engine, args.sql, dict(args.param), limit=limit or None)
    except Exception as error:  # a mistake in the user's SQL is theirs to fix: one line
        message = str(getattr(error, "orig", error)).strip().splitlines()[0]
        raise db.WarehouseError(f"query failed: {message}") from error
    finally:
        engine.dispose()
    more = bool(limit) and len(rows) > limit
    text = output_formats.format_rows(columns, rows[:limit] if more else rows, args.format, width=args.width)
    if args.output is None:
        if text:   # no rows in JSON Lines: nothing at all, not an empty line
            print(text)
    else:
        _write_text(args.output, text + "\n" if text else "")
        print(f"news-warehouse: {_count(min(len(rows), limit or len(rows)), 'row')} written to {args.output}",
              file=sys.stderr)
    if more:   # on stderr: a CSV or JSON consumer reads only rows
        print(f"news-warehouse: first {_count(limit, 'row')} shown; --limit N for more, --limit 0 for all",
              file=sys.stderr)
    return 0


def _write_text(path: Path, text: str) -> None:
    """Through a temporary name: an interrupted write leaves the previous file, not half of one."""
    temporary = path.with_name(f".{path.name}.partial")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def cmd_export(args: argparse.Namespace) -> int:
    from warehouse.storage import export

    source = snapshots.reader_path(settings_from(db=args.db).db_path)
    only = [name.strip() for group in (args.only or []) for name in group.split(",") if name.strip()] or None
    engine = db.connect(source, read_only=True)
    try:
        done = export.export_parquet(
            engine, args.folder, source=source, only=only, replace=args.replace,
            progress=lambda e: print(f"  {e.kind} {e.name}: {_count(e.rows, 'row')}", file=sys.stderr, flush=True))
    finally:
        engine.dispose()
    tables = sum(1 for e in done if e.kind == "table")
    print(f"{_count(tables, 'table')} and {_count(len(done) - tables, 'view')} ({_count(sum(e.rows for e in done), 'row')}) "
          f"exported to {args.folder}/ (see {args.folder / export.MANIFEST})")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from warehouse.search import results

    if not results.query_stems(args.text):
        raise UsageError(f"nothing to search for in {args.text!r}: give a word that is not a function word "
                         f"(de, la, que, ...)")
    if args.since and args.until and args.since > args.until:
        raise UsageError(f"--since {args.since} is after --until {args.until}: no day is in between")
    engine = db.connect(snapshots.reader_path(settings_from(db=args.db).db_path), read_only=True)
    try:
        hits = results.search(engine, args.text, since=args.since, until=args.until, outlet=args.outlet,
                              all_words=args.all_words, one_per_story=not args.every_copy, limit=args.limit or None)
        outlets = results.known_outlets(engine) if args.outlet and not hits else None
    finally:
        engine.dispose()
    if args.format != "table":
        columns = list(results.Hit.__dataclass_fields__)
        print(output_formats.format_rows(columns, [tuple(getattr(h, c) for c in columns) for h in hits], args.format))
    else:
        print(results.as_text(hits, every_copy=args.every_copy))
    if not hits and (args.since or args.until):
        print("news-warehouse: --since and --until leave out every article without a publication date",
              file=sys.stderr)
    if outlets is not None and (near := results.outlets_like(args.outlet, outlets)) != [args.outlet]:
        print(f"news-warehouse: no article of outlet {args.outlet!r} matches; outlets with a name like it: "
              f"{', '.join(near) or 'none'} (all: `news-warehouse query \"select outlet, count(*) from "
              f"articles group by outlet order by 2 desc\"`)", file=sys.stderr)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from warehouse.evaluation import entities, figures, places

    default = {"entities": entities.ENTITIES_GOLD, "figures": figures.FIGURES_GOLD,
               "places": places.PLACES_GOLD}[args.what]
    gold = args.gold or default
    if not gold.is_file():
        raise UsageError(f"gold file not found: {gold}")
    if args.what == "entities":
        splits = entities.SPLITS if args.split == "all" else [args.split]
        articles = entities.read_entities_gold(gold, splits=splits)
        if not articles:
            raise UsageError(f"{gold} has no article in the {args.split} split")
        print(f"split: {args.split}")
        raw = entities.score_entities(articles, entities.raw_model_spans, "raw")
        pipeline = entities.score_entities(articles, entities.pipeline_spans, "pipeline")
        print(entities.format_side_by_side([raw, pipeline]))
        errors = pipeline.errors
    elif args.what == "places":
        articles = places.read_places_gold(gold)
        report = places.score_places(articles, places.pipeline_predictions(articles))
        print(places.format_place_report(report))
        errors = report.errors
    else:
        report = figures.score_figures(figures.read_figures_gold(gold))
        print(figures.format_figure_report(report))
        errors = report.errors
    if args.errors:
        print("\n".join(errors))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    db_path = settings_from(db=args.db).db_path
    engine = db.connect(snapshots.reader_path(db_path), read_only=True)
    try:
        print(reports.status_report(engine))
    finally:
        engine.dispose()
    if (holder := writer_lock.lock_holder(db_path)) is not None:
        print(f"\nin progress: {writer_lock.describe_holder(holder)}; the figures above are from the last "
              f"finished run")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    import uuid

    from warehouse.search import index as search_index
    from warehouse.storage import deletion, load
    from warehouse.stories import placement

    settings = settings_from(db=args.db)
    if not settings.db_path.exists():
        raise db.WarehouseError(f"no warehouse at {settings.db_path}: nothing to delete")
    with writer_lock.writer_lock(settings.db_path, wait_seconds=settings.lock_wait_seconds,
                                 run_id=f"delete-{uuid.uuid4().hex}"):
        engine = db.connect(settings.db_path)
        try:
            db.prepare(engine)   # migration 023 makes articles deletable (storage/rebuild.py)
            ids, kept = list(args.article or []), []
            if args.source_file is not None:
                ids, kept = deletion.articles_of_source_file(engine, args.source_file)
                if not ids and not kept:
                    raise db.WarehouseError(f"no article was delivered by a file {args.source_file!r} "
                                            f"(paths as `source_files.path` has them, relative to the inbox)")
            deleted = deletion.delete_articles(engine, ids, reason=args.reason, dry_run=args.dry_run)
            if deleted.articles and not args.dry_run:
                placement.place_pending_stories(engine)
                search_index.index_pending_articles(engine)
                load.refresh_entity_stats(engine)
                db.refresh_views(engine)
                db.checkpoint(engine)
        finally:
            engine.dispose()
        if deleted.articles and not args.dry_run:
            snapshots.publish_snapshot(settings.db_path)
    if deleted.articles:
        verb = "would delete" if args.dry_run else "deleted"
        again = "would be" if args.dry_run else ("was" if deleted.placed_again == 1 else "were")
        print(f"{verb} {_count(len(deleted.articles), 'article')} with {_count(deleted.mentions, 'mention')} "
              f"and {_count(deleted.amounts, 'amount')}; {_count(deleted.placed_again, 'other article')} of "
              f"their stories {again} placed in a story again")
        for article_id in deleted.articles:
            print(f"  {article_id}")
        if not args.dry_run:
            print("recorded in article_retractions: no run loads them again (delete a row there to allow one back)")
    if kept:
        print(f"kept {_count(len(kept), 'article')} of {args.source_file} that other files delivered too: "
              f"delete them with --article")
    if deleted.not_found:
        missing = ", ".join(deleted.not_found)
        if deleted.articles:   # what could be deleted was; say what could not
            print(f"news-warehouse: no article with id {missing}", file=sys.stderr)
            return 0
        raise db.WarehouseError(f"no article with id {missing}" + (
            f" ({len(deleted.retracted)} {'was' if len(deleted.retracted) == 1 else 'were'} deleted before: "
            f"see article_retractions)"
            if deleted.retracted else ""))
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def cmd_maintain(args: argparse.Namespace) -> int:
    import uuid

    from warehouse.config import Lake
    from warehouse.storage import maintenance

    settings = settings_from(db=args.db)
    where = settings.db_path
    if not where.exists():
        raise db.WarehouseError(f"no warehouse at {where}: nothing to maintain")
    if args.keep_days < 0:
        raise db.WarehouseError(f"--keep-days must be 0 or more, got {args.keep_days:g}")
    with writer_lock.writer_lock(where, wait_seconds=settings.lock_wait_seconds, run_id=f"maintain-{uuid.uuid4().hex}"):
        engine = db.connect(where)
        try:
            done = maintenance.maintain_lake(engine, where, keep_days=args.keep_days, dry_run=args.dry_run) \
                if isinstance(where, Lake) else maintenance.maintain_file(engine, where)
        finally:
            engine.dispose()
    print(done.as_text(str(where), args.dry_run))
    return 0

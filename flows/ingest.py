"""`ingest_news`: lock -> discover -> read -> extract (batches) -> load -> views -> snapshot -> artifact.

Thin by design: each task wraps one `warehouse` function. Tasks get `NO_CACHE` because their
inputs (an engine, article batches) are not worth hashing and must run every time. Large task
inputs (files, articles, tags, load batches) are passed through `quote`: otherwise Prefect visits
every element of them to find upstream futures, which measured here cost more than the
inserts themselves (5 s of a 19 s run storing paragraph tags). "quote will also instruct prefect
to ignore introspection of the wrapped object when passed as flow or task parameter"
(docs.prefect.io/v3/api-ref/python/prefect-utilities-annotations).
"""

from __future__ import annotations

import sys
import time
import uuid
from collections import deque
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run
from prefect.settings import PREFECT_UI_URL
from prefect.states import Completed
from prefect.utilities.annotations import quote
from sqlalchemy.engine import Engine

from flows.runners import batches_in_flight, processes_per_batch, submitted_input, task_runner_for
from warehouse import ingest
from warehouse.config import Lake, Settings, settings_from
from warehouse.extraction.paragraph_tags import ParagraphTags
from warehouse.extraction.pool import (ExtractedBatch, chunk_paragraph_hashes, extract_in_processes,
                                       forget_recent_tags)
from warehouse.extraction.version import current_extractor_version
from warehouse.reading.articles import Article
from warehouse.reading.outlets import outlet_country
from warehouse.reading.sources import SourceFile, discover_files
from warehouse.search import index as search_index
from warehouse.storage import db, load, snapshots
from warehouse.storage.writer_lock import writer_lock
from warehouse.stories import placement
from warehouse.stories.settings import StorySettings

READ_CHUNK_FILES = 100  # files per read task: bounded memory, retries per chunk


def _unless_user_error(task, task_run, state) -> bool:
    """Prefect `retry_condition_fn`: a path that is a directory or a file another process holds
    will not fix itself in two seconds; anything else at open time (I/O) may."""
    return not isinstance(state.data, db.WarehouseError)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2, retry_condition_fn=_unless_user_error)
def open_warehouse(db_path: Path) -> Engine:
    """Connect and bring schema, reference data and views up to date (I/O: retried)."""
    engine = db.connect(db_path)
    db.prepare(engine)
    return engine


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def discover(inbox: Path, max_file_bytes: int) -> list[SourceFile]:
    return discover_files(inbox, max_bytes=max_file_bytes)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def read_files(inbox: Path, sources: list[SourceFile], loaded_hashes: dict[str, str]) -> list[ingest.FileRead]:
    """I/O errors are retried; bad content is not an error (it comes back as a rejection)."""
    return [ingest.read_source(inbox, source, loaded_hashes.get(source.path)) for source in sources]


@task(cache_policy=NO_CACHE)
def extract_batch(articles: list[Article] | list[load.StoredArticle], processes: int = 1,
                  known_tags: dict[str, ParagraphTags] | None = None, reuse_tags: bool = True) -> ExtractedBatch:
    """No retries: the model gives the same answer twice, so a failure here is a bug."""
    return extract_in_processes([(article.article_id, article.body) for article in articles],
                                processes=processes, known_tags=known_tags, reuse_tags=reuse_tags,
                                countries={a.article_id: outlet_country(a.outlet) for a in articles})


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def load_batch(engine: Engine, batch: load.LoadBatch) -> load.LoadCounts:
    """One transaction; idempotent, so a retry after a failed commit cannot duplicate."""
    return load.load_batch(engine, batch)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def place_stories(engine: Engine, article_ids: tuple[str, ...], stories: StorySettings) -> placement.StoriesPlaced:
    """Stories of the articles just loaded (one transaction per page; a retry places the rest)."""
    return placement.place_articles(engine, article_ids, stories)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def index_for_search(engine: Engine, article_ids: tuple[str, ...]) -> int:
    """The search index of the articles just loaded: per batch, so its memory follows the batch
    (finishing indexes whatever is left, such as a batch whose indexing failed)."""
    return search_index.index_articles(engine, article_ids)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def place_unplaced_stories(engine: Engine, stories: StorySettings) -> placement.StoriesPlaced:
    """Articles left without a story (a run killed between a load and its stories, a warehouse
    upgraded to stories), oldest first: before a run loads newer ones, so a story's id stays its
    first article's."""
    return placement.place_pending_stories(engine, stories)


def story_settings(settings: Settings) -> StorySettings:
    return StorySettings(min_containment=settings.story_min_containment, min_jaccard=settings.story_min_jaccard,
                         max_days=settings.story_max_days)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def finish_warehouse(engine: Engine, stories: StorySettings) -> None:
    # Articles still without a story (on a warehouse upgraded to stories, a reprocess run places
    # them here) and facts stored before their paragraphs were.
    placement.place_pending_stories(engine, stories)
    with engine.begin() as conn:
        placement.place_facts_in_paragraphs(conn)
    # Every article the search index lacks: this run's, or all on a warehouse upgraded to search.
    search_index.index_pending_articles(engine)
    load.refresh_entity_stats(engine)
    db.refresh_views(engine)
    db.checkpoint(engine)


def _reads(inbox: Path, sources: list[SourceFile], loaded_hashes: dict[str, str],
           logger, stages: ingest.StageClock, progress: ingest.RunProgress) -> Iterator[ingest.FileRead]:
    for start in range(0, len(sources), READ_CHUNK_FILES):
        chunk = sources[start:start + READ_CHUNK_FILES]
        with stages.timing("read"):
            reads = read_files(inbox, quote(chunk),
                               quote({s.path: loaded_hashes[s.path] for s in chunk if s.path in loaded_hashes}))
        for read in reads:
            progress.read(read.source.size, len(read.parsed.articles))
        yield from reads
        logger.info("read %d/%d changed files", start + len(chunk), len(sources))


def wait_showing_progress(future: PrefectFuture, progress: ingest.RunProgress, articles: int):
    """The batch's result; meanwhile, on a terminal, one line rewritten each second with how far
    the run is and how long this batch has been extracting (a batch of 512 takes half a minute,
    with nothing else to show). Not on a terminal, logs carry a line per batch instead."""
    if not sys.stderr.isatty():
        return future.result()
    started = time.perf_counter()
    try:
        while not future.state.is_final():
            print(f"\r{progress.line()}; extracting {articles} articles for "
                  f"{time.perf_counter() - started:.0f} s\033[K", end="", file=sys.stderr, flush=True)
            future.wait(timeout=1)
    finally:
        print("\r\033[K", end="", file=sys.stderr, flush=True)
    return future.result()


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def publish_snapshot(db_path: Path | Lake, run_id: str | None = None, record: bool = True) -> Path | Lake:
    """The finished run published to readers: a DuckDB file's copy swapped in atomically, a
    DuckLake's snapshot committed as published (`warehouse/storage/snapshots.py`)."""
    return snapshots.publish_snapshot(db_path, run_id, record=record)


# The runner comes from the environment when the module is imported: `serve` runs each scheduled
# flow run from this module's entrypoint, so the deployment's runner is decided here.
@flow(name="ingest_news", task_runner=task_runner_for(settings_from()))
def ingest_news(inbox: str | None = None, db_path: str | None = None,
                batch_size: int | None = None, max_file_bytes: int | None = None,
                settle_seconds: int | None = None, lock_wait_seconds: int | None = None,
                extract_processes: int | None = None, task_runner: str | None = None,
                dask_address: str | None = None) -> ingest.RunSummary:
    """Load every new article of `inbox` into the DuckDB warehouse at `db_path`. Unset parameters
    come from NEWS_WAREHOUSE_* variables, then defaults (`warehouse/config.py`). With
    `task_runner="dask"`, call it through `with_task_runner` so the flow runs on Dask. Returns the
    run's summary (to Prefect, inside a `CompletedWithWarnings` state when files were rejected:
    `final_state`)."""
    settings = settings_from(db=db_path, inbox=inbox, batch_size=batch_size, max_file_bytes=max_file_bytes,
                             settle_seconds=settle_seconds, lock_wait_seconds=lock_wait_seconds,
                             extract_processes=extract_processes, task_runner=task_runner,
                             dask_address=dask_address)
    run_id = uuid.uuid4().hex
    # One writer at a time, for the whole run including publishing the readers' snapshot.
    with writer_lock(settings.db_path, wait_seconds=settings.lock_wait_seconds, run_id=run_id):
        summary = _ingest(settings, run_id)
        publish_snapshot(settings.db_path, run_id)
    _publish(summary)
    return final_state(summary)


def record_failure(engine: Engine, run_id: str, counts: ingest.RunCounts, error: BaseException) -> None:
    """A run that failed: the batches committed before the failure are complete and stay, so
    their entities need their counts; the run is recorded as failed with the reason."""
    try:
        load.refresh_entity_stats(engine)
    finally:
        load.finish_run(engine, run_id, status="failed", counts=counts.as_dict(),
                        message=f"{type(error).__name__}: {error}"[:500])


def with_task_runner(flow_function, settings: Settings):
    """The flow set to run its tasks where `settings` say (`flows/runners.py`)."""
    return flow_function.with_options(task_runner=task_runner_for(settings))


def _ingest(settings: Settings, run_id: str) -> ingest.RunSummary:
    logger = get_run_logger()
    started, clock = datetime.now(timezone.utc), time.perf_counter()
    engine = open_warehouse(settings.db_path)
    if not snapshots.has_readers_copy(settings.db_path):
        # A new warehouse: readers get its empty, checkpointed schema while the first run loads,
        # rather than an error.
        publish_snapshot(settings.db_path, record=False)
    counts, rejected, warnings, stages = ingest.RunCounts(), [], [], ingest.StageClock()
    try:
        version = current_extractor_version()
        interrupted = load.start_run(engine, run_id=run_id, flow_run_id=str(flow_run.id) if flow_run.id else None,
                                     inbox=str(settings.inbox), extractor_version=version, started_at=started)
        if interrupted:
            logger.warning("%d earlier run(s) had been interrupted (process killed); this run completes "
                           "their work", interrupted)
        with stages.timing("stories"):
            place_unplaced_stories(engine, story_settings(settings))
        with stages.timing("discover"):
            files = discover(settings.inbox, settings.max_file_bytes)
        selection = ingest.select_changed_files(files, load.known_source_files(engine), now=started,
                                                settle_seconds=settings.settle_seconds)
        load.mark_unchanged_files(engine, selection.unchanged)
        counts.files_seen, counts.files_unchanged = len(files), len(selection.unchanged)
        counts.files_pending = len(selection.pending)
        logger.info("%d files in %s: %d new or changed, %d unchanged, %d still being written (next run)",
                    len(files), settings.inbox, len(selection.to_read), len(selection.unchanged),
                    len(selection.pending))

        seen_in_run: set[str] = set()
        entities_before = load.entity_count(engine)
        progress = ingest.RunProgress(total_bytes=sum(source.size for source in selection.to_read))
        reads = _reads(settings.inbox, selection.to_read, selection.loaded_hashes, logger, stages, progress)
        # Extraction of the next batches runs (on worker processes or Dask) while this process,
        # the one writer, loads the batch before them, in order; a bounded window keeps memory
        # flat whatever the size of the inbox.
        in_flight: deque[tuple[ingest.PlannedBatch, ingest.NewArticles, PrefectFuture | None]] = deque()
        # Tags of paragraphs in batches still in flight are shared in memory (extraction/pool.py).
        forget_recent_tags()

        def known_paragraphs(articles: list[Article]) -> dict[str, ParagraphTags]:
            hashes = chunk_paragraph_hashes([(a.article_id, a.body) for a in articles])
            return load.known_paragraph_tags(engine, version=version, hashes=hashes)

        def load_oldest() -> None:
            planned, new, extracting = in_flight.popleft()
            with stages.timing("extract_wait"):
                extracted = wait_showing_progress(extracting, progress, len(new.articles)) \
                    if extracting is not None else ExtractedBatch([])
            stages.add_extraction(extracted.seconds)
            stages.seconds["paragraphs_tagged"] += extracted.paragraphs_tagged
            new_tags = extracted.new_tags if settings.paragraph_cache else {}
            extractions = ingest.one_extraction_per_article(new.articles, extracted.extractions)
            with stages.timing("load"):
                added = load_batch(engine, quote(load.LoadBatch(
                    run_id=run_id, extractor_version=version, articles=new.articles,
                    extractions=extractions, deliveries=new.deliveries, files=planned.files,
                    rejections=planned.rejections, same_content=planned.same_content,
                    content_hashes=planned.content_hashes, paragraph_tags=new_tags)))
            with stages.timing("stories"):
                # The batch's new articles, not only those this load stored: after a retried load
                # whose first try had committed, those are none.
                stories = place_stories(engine, tuple(a.article_id for a in new.articles), story_settings(settings))
            with stages.timing("search"):
                index_for_search(engine, quote(tuple(a.article_id for a in new.articles)))
            stages.seconds["load_insert"] += added.insert_seconds
            stages.seconds["load_rows"] += added.rows_offered
            stages.seconds["load_insert_facts"] += added.fact_seconds
            stages.seconds["load_fact_rows"] += added.fact_rows
            present = counts.add_batch(planned, new, added)
            rejected.extend(ingest.rejected_items(planned))
            warnings.extend(planned.warnings)
            # So far: a run killed later still shows what it committed (`runs` of an interrupted run).
            load.record_progress(engine, run_id, counts.as_dict())
            progress.articles_done += len(planned.articles)
            logger.info("batch loaded: %d new articles, %d already present, %d mentions, %d amounts; "
                        "%d joined the story of an earlier article; %s", added.articles, present, added.mentions,
                        added.amounts, stories.joined, progress.line())

        for number, planned in enumerate(ingest.plan_batches(reads, settings.batch_size), start=1):
            existing = load.existing_article_ids(engine, [a.article_id for a in planned.articles])
            new = ingest.select_new_articles(planned.articles, existing, seen_in_run, planned.content_hashes)
            # An article judged to be in another language is stored without facts (one warning).
            spanish = ingest.to_extract(new.articles)
            known = known_paragraphs(spanish) if settings.paragraph_cache else {}
            stages.seconds["paragraphs_known"] += len(known)
            extracting = extract_batch.submit(submitted_input(settings, spanish), processes_per_batch(settings),
                                              submitted_input(settings, known),
                                              settings.paragraph_cache) if spanish else None
            in_flight.append((planned, new, extracting))
            logger.info("batch %d: %d new articles to extract", number, len(spanish))
            if len(in_flight) > batches_in_flight(settings):
                load_oldest()
        while in_flight:
            load_oldest()

        with stages.timing("finish"):
            finish_warehouse(engine, story_settings(settings))
        # Net of the one-word persons that finishing merged into their full names.
        counts.entities_added = load.entity_count(engine) - entities_before
        status = "completed_with_warnings" if rejected or warnings else "completed"
        message = "; ".join(part for part in (
            f"{len(rejected)} file(s) or record(s) rejected" if rejected else "",
            f"{len(warnings)} warning(s)" if warnings else "") if part) or None
        load.finish_run(engine, run_id, status=status, counts=counts.as_dict(), message=message,
                        stage_seconds=stages.seconds)
    except BaseException as error:
        record_failure(engine, run_id, counts, error)
        raise
    finally:
        # Closing checkpoints the write-ahead log into the file the snapshot copies.
        engine.dispose()

    summary = ingest.RunSummary(run_id=run_id, db_path=str(settings.db_path), inbox=str(settings.inbox),
                                status=status, seconds=time.perf_counter() - clock, counts=counts,
                                rejected=rejected, warnings=warnings)
    for path, line, reason in rejected:
        logger.warning("rejected %s%s: %s", path, f":{line}" if line else "", reason)
    return summary


def _publish(summary: ingest.RunSummary) -> None:
    """The run summary as a Prefect table artifact, linking to a second one that lists what was
    rejected and the warnings, when there were any."""
    rows = [{"measure": key, "value": value} for key, value in summary.counts.as_dict().items()]
    rows += [{"measure": "status", "value": summary.status},
             {"measure": "seconds", "value": round(summary.seconds, 1)}]
    description = f"news-warehouse run {summary.run_id} into {summary.db_path}: {summary.status}"
    if summary.rejected or summary.warnings:
        problems = create_table_artifact(
            key="ingest-rejections",
            table=[{"kind": "rejected", "file": p, "line": line, "reason": reason} for p, line, reason in summary.rejected]
            + [{"kind": "warning", "file": None, "line": None, "reason": warning} for warning in summary.warnings],
            description=f"Files and records rejected, and warnings, of run {summary.run_id}")
        description += (f"; {len(summary.rejected)} rejected, {len(summary.warnings)} warnings: "
                        f"[the list]({_artifact_url(problems)})")
    create_table_artifact(key="ingest-summary", table=rows, description=description)


def _artifact_url(artifact_id) -> str:
    """Where the Prefect UI shows an artifact (relative when no UI address is known)."""
    ui = (PREFECT_UI_URL.value() or "").rstrip("/")
    return f"{ui}/artifacts/artifact/{artifact_id}"


def final_state(summary: ingest.RunSummary):
    """What the flow returns: the summary, inside a named Completed state when the run recorded
    `completed_with_warnings`, so the Prefect UI says what the warehouse says (not a green
    Completed) and why, in the state's message."""
    if summary.status != "completed_with_warnings":
        return summary
    message = "; ".join(part for part in (
        f"{len(summary.rejected)} file(s) or record(s) rejected" if summary.rejected else "",
        f"{len(summary.warnings)} warning(s)" if summary.warnings else "") if part)
    return Completed(name="CompletedWithWarnings", message=f"{message}: see the ingest-rejections artifact",
                     data=summary)

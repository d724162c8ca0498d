"""`reprocess_articles`: re-extract stored articles after the extractor changed.

lock -> pages of articles extracted by another version -> extract -> swap their facts (one
transaction per page) -> entity stats, views -> snapshot. Readers see the whole reprocess at once:
they read the snapshot, published only when it is done.
"""

from __future__ import annotations

import time
import uuid
from datetime import date, datetime, timezone

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote
from sqlalchemy.engine import Engine

from flows.ingest import (extract_batch, finish_warehouse, open_warehouse, publish_snapshot, record_failure,
                          story_settings)
from warehouse import ingest
from warehouse.config import Settings, settings_from
from warehouse.extraction.extract import Extraction
from warehouse.extraction.version import current_extractor_version
from warehouse.storage import load
from warehouse.storage.writer_lock import writer_lock


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def replace_batch(engine: Engine, version: str, extractions: list[Extraction],
                  bodies: dict[str, str], dates: dict[str, date | None]) -> load.LoadCounts:
    """One transaction; a retry re-deletes and re-inserts the same rows, so it cannot duplicate."""
    return load.replace_extractions(engine, version=version, extractions=extractions, bodies=bodies, dates=dates)


@flow(name="reprocess_articles")
def reprocess_articles(db_path: str | None = None, batch_size: int | None = None,
                       everything: bool = False, lock_wait_seconds: int | None = None) -> ingest.RunSummary:
    """Re-extract every stored article whose facts came from another extractor version (all of
    them with `everything`), swapping its mentions and amounts."""
    settings = settings_from(db=db_path, batch_size=batch_size, lock_wait_seconds=lock_wait_seconds)
    run_id = uuid.uuid4().hex
    with writer_lock(settings.db_path, wait_seconds=settings.lock_wait_seconds, run_id=run_id):
        summary = _reprocess(settings, everything, run_id)
        publish_snapshot(settings.db_path, run_id)
    create_table_artifact(
        key="reprocess-summary",
        table=[{"measure": key, "value": value} for key, value in summary.counts.as_dict().items()],
        description=f"news-warehouse reprocess run {run_id} into {summary.db_path}")
    return summary


def _reprocess(settings: Settings, everything: bool, run_id: str) -> ingest.RunSummary:
    db_path, batch_size = settings.db_path, settings.batch_size
    logger = get_run_logger()
    started, clock = datetime.now(timezone.utc), time.perf_counter()
    engine = open_warehouse(db_path)
    counts, stages = ingest.RunCounts(), ingest.StageClock()
    try:
        version = current_extractor_version()
        load.start_run(engine, run_id=run_id, flow_run_id=str(flow_run.id) if flow_run.id else None,
                       inbox="", extractor_version=version, started_at=started, kind="reprocess")
        total = load.count_articles_to_reprocess(engine, version=version, everything=everything)
        logger.info("%d stored articles to re-extract with %s", total, version)
        progress = ingest.RunProgress(known_total=total)
        entities_before = load.entity_count(engine)
        after = ""
        # Keyset pages: a page re-extracted gets the new version, so "after the last id" (not an
        # offset) is what stays right while the set being paged through shrinks.
        while True:
            with stages.timing("read"):
                page = load.articles_to_reprocess(engine, version=version, everything=everything,
                                                  after=after, limit=batch_size)
            if not page:
                break
            spanish = ingest.to_extract(page)   # one not in Spanish keeps no facts
            with stages.timing("extract_wait"):
                batch = extract_batch(quote(spanish), settings.extract_processes) if spanish else None
            if batch is not None:
                stages.add_extraction(batch.seconds)
            extractions = ingest.one_extraction_per_article(page, batch.extractions if batch is not None else [])
            with stages.timing("load"):
                replaced = replace_batch(engine, version, quote(extractions),
                                         quote({a.article_id: a.body for a in page}),
                                         quote({a.article_id: a.published_date for a in page}))
            after = page[-1].article_id
            counts.articles_reprocessed += replaced.articles
            counts.mentions_loaded += replaced.mentions
            counts.amounts_loaded += replaced.amounts
            progress.articles_done += len(page)
            logger.info("re-extracted %s", progress.line())
            load.record_progress(engine, run_id, counts.as_dict())
        with stages.timing("finish"):
            finish_warehouse(engine, story_settings(settings))
        counts.entities_added = load.entity_count(engine) - entities_before
        # Every run records where its time went (README, `run_stages`), a reprocess too.
        load.finish_run(engine, run_id, status="completed", counts=counts.as_dict(), message=None,
                        stage_seconds=stages.seconds)
    except BaseException as error:
        record_failure(engine, run_id, counts, error)
        raise
    finally:
        engine.dispose()
    return ingest.RunSummary(run_id=run_id, db_path=str(db_path), inbox="", status="completed",
                             seconds=time.perf_counter() - clock, counts=counts, kind="reprocess")

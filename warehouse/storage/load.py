"""Bulk, idempotent loading through DuckDB's Arrow path.

Each batch is one transaction: an article is never stored without its mentions and amounts, and
a file is marked loaded only in the transaction that stores its last article. Articles, entities,
deliveries and files are inserted only when their natural key is new; mentions and amounts, the bulk
of the rows, have no index to maintain (migration 014) and are inserted only for the articles the
same transaction inserted. So loading the same batch twice adds nothing.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import ROUND_HALF_EVEN, Decimal

import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy.engine import Connection, Engine

from warehouse.extraction.amounts import Amount
from warehouse.extraction.currency_conversion import convert_amount
from warehouse.extraction.extract import Extraction
from warehouse.extraction.paragraph_tags import ParagraphTags
from warehouse.extraction.place_resolution import Place
from warehouse.reading.articles import Article, Rejection
from warehouse.reading.paragraphs import paragraph_at, paragraph_spans
from warehouse.reading.sources import SourceFile
from warehouse.storage.db import execute_file, execute_over_table

# amounts.value is DECIMAL(38, 6): six decimals hold cents and fractional percentages exactly.
_VALUE_QUANTUM = Decimal("0.000001")


@dataclass(frozen=True)
class Delivery:
    article_id: str
    source_path: str
    position: int
    content_hash: str          # of the delivering file's bytes: the same bytes are one delivery


@dataclass(frozen=True)
class FileRecord:
    """The state of one inbox file after this run, as stored in `source_files`."""
    path: str
    content_hash: str | None
    size_bytes: int
    modified_at: datetime
    status: str                 # loaded, loaded_with_warnings, partially_loaded or rejected
    reason: str | None
    articles_found: int = 0
    records_rejected: int = 0
    encoding: str | None = None  # what its bytes were decoded as; None when never read


@dataclass
class LoadBatch:
    run_id: str
    extractor_version: str
    articles: list[Article] = field(default_factory=list)        # new to the warehouse
    extractions: list[Extraction] = field(default_factory=list)  # one per article, same order
    deliveries: list[Delivery] = field(default_factory=list)
    files: list[FileRecord] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    same_content: list[SourceFile] = field(default_factory=list)   # re-read, bytes already loaded
    paragraph_tags: dict[str, ParagraphTags] = field(default_factory=dict)  # newly tagged, to cache
    content_hashes: dict[str, str] = field(default_factory=dict)   # path -> sha256, for rejections


@dataclass(frozen=True)
class LoadCounts:
    articles: int
    entities: int
    mentions: int
    amounts: int
    rows_offered: int = 0         # staging rows handed to the Arrow inserts (repeats included)
    insert_seconds: float = 0.0   # time in those `insert ... select from arrow` statements (the
                                  # Arrow tables are built before; commit not included)
    fact_rows: int = 0            # of which mentions and amounts (tables without enforced keys)
    fact_seconds: float = 0.0
    article_ids: tuple[str, ...] = ()   # the articles this batch stored (none already there)


def entity_id(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _exact(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(_VALUE_QUANTUM, rounding=ROUND_HALF_EVEN)


_SCHEMAS = {
    "batch_articles": pa.schema([
        ("article_id", pa.string()), ("title", pa.string()), ("body", pa.string()),
        ("published_date", pa.date32()), ("dateline_place", pa.string()), ("agency", pa.string()),
        ("outlet", pa.string()), ("url", pa.string()), ("source_ref", pa.string()),
        ("source_path", pa.string()), ("source_position", pa.int32()), ("char_count", pa.int32()),
        ("run_id", pa.string()), ("extractor_version", pa.string()), ("language", pa.string()),
        ("country_code", pa.string()),
    ]),
    "batch_places": pa.schema([
        ("place_id", pa.string()), ("kind", pa.string()), ("name", pa.string()), ("country_code", pa.string()),
        ("region_code", pa.string()), ("admin1_code", pa.string()), ("admin1_name", pa.string()),
        ("geonameid", pa.int32()), ("latitude", pa.float64()), ("longitude", pa.float64()),
        ("population", pa.int64()),
    ]),
    "batch_entities": pa.schema([
        ("entity_id", pa.string()), ("entity_key", pa.string()), ("name", pa.string()),
        ("label", pa.string()), ("country_code", pa.string()),
    ]),
    "batch_mentions": pa.schema([
        ("article_id", pa.string()), ("mention_no", pa.int32()), ("entity_id", pa.string()),
        ("start_char", pa.int32()), ("end_char", pa.int32()), ("text", pa.string()),
        ("label", pa.string()), ("sentence_no", pa.int32()), ("extractor_version", pa.string()),
        ("paragraph_no", pa.int32()), ("place_id", pa.string()), ("place_how", pa.string()),
    ]),
    "batch_amounts": pa.schema([
        ("article_id", pa.string()), ("amount_no", pa.int32()), ("start_char", pa.int32()),
        ("end_char", pa.int32()), ("text", pa.string()), ("kind", pa.string()),
        ("value", pa.decimal128(38, 6)), ("value_high", pa.decimal128(38, 6)), ("unit", pa.string()),
        ("object", pa.string()), ("qualifier", pa.string()), ("unit_inferred", pa.bool_()),
        ("sentence_no", pa.int32()), ("extractor_version", pa.string()), ("paragraph_no", pa.int32()),
        ("per_value", pa.decimal128(38, 6)), ("per_unit", pa.string()), ("restates", pa.bool_()),
        ("value_eur", pa.decimal128(38, 6)), ("value_usd", pa.decimal128(38, 6)), ("rate_date", pa.date32()),
        ("rate_source", pa.string()), ("rate_note", pa.string()), ("rate_at_run_date", pa.bool_()),
    ]),
    "batch_sentences": pa.schema([
        ("article_id", pa.string()), ("sentence_no", pa.int32()), ("start_char", pa.int32()),
        ("end_char", pa.int32()),
    ]),
    "batch_deliveries": pa.schema([
        ("article_id", pa.string()), ("source_path", pa.string()), ("position", pa.int32()),
        ("content_hash", pa.string()), ("run_id", pa.string()),
    ]),
    "batch_rejections": pa.schema([
        ("run_id", pa.string()), ("source_path", pa.string()), ("line_no", pa.int32()),
        ("reason", pa.string()), ("content_hash", pa.string()),
    ]),
    "batch_source_files": pa.schema([
        ("path", pa.string()), ("content_hash", pa.string()), ("size_bytes", pa.int64()),
        ("modified_at", pa.timestamp("us", tz="UTC")), ("status", pa.string()), ("reason", pa.string()),
        ("articles_found", pa.int32()), ("records_rejected", pa.int32()),
        ("seen_at", pa.timestamp("us", tz="UTC")), ("run_id", pa.string()), ("encoding", pa.string()),
    ]),
    # Also the articles a re-extraction replaces the facts of, with their new dateline country.
    "batch_article_ids": pa.schema([("article_id", pa.string()), ("country_code", pa.string())]),
    "batch_paragraph_hashes": pa.schema([("paragraph_hash", pa.string())]),
    "batch_paragraph_tags": pa.schema([("paragraph_hash", pa.string()), ("extractor_version", pa.string()),
                                       ("tags", pa.string())]),
    "batch_run_stages": pa.schema([("run_id", pa.string()), ("stage", pa.string()), ("seconds", pa.float64())]),
    "batch_unchanged_files": pa.schema([
        ("path", pa.string()), ("size_bytes", pa.int64()), ("modified_at", pa.timestamp("us", tz="UTC")),
        ("seen_at", pa.timestamp("us", tz="UTC")),
    ]),
}


def _table(name: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=_SCHEMAS[name])


def _insert(conn: Connection, name: str, rows: list[dict], statement: str, parameters: tuple | None = None) -> list:
    """Register `rows` as the Arrow table `name` and run `sql/load/<statement>.sql` over it (an
    insert, or a lookup); returns the rows the statement returns."""
    return _insert_table(conn, name, _table(name, rows), statement, parameters)


def _insert_table(conn: Connection, name: str, table: pa.Table, statement: str,
                  parameters: tuple | None = None) -> list:
    return execute_over_table(conn, name, table, f"load/{statement}.sql", parameters)


def existing_article_ids(engine: Engine, ids: list[str]) -> set[str]:
    """Which of `ids` the warehouse already holds."""
    if not ids:
        return set()
    # begin(), not connect(): DuckDB's register/unregister are transactional, and a connection
    # closed without commit rolls back the unregister, leaving the name taken on the pooled
    # connection ("View with name ... already exists" on the next call).
    with engine.begin() as conn:
        return {row[0] for row in _insert(conn, "batch_article_ids", [{"article_id": i} for i in ids],
                                          "existing_articles")}


def _money_columns(amount: Amount, published: date | None, run_day: date) -> dict:
    """value_eur, value_usd and how they were converted, for a money amount (README, "Money in one
    currency"); nulls for other kinds."""
    conversion = convert_amount(amount.kind, amount.unit, amount.value, published, run_day)
    if conversion is None:
        return dict.fromkeys(("value_eur", "value_usd", "rate_date", "rate_source", "rate_note", "rate_at_run_date"))
    return {"value_eur": conversion.value_eur, "value_usd": conversion.value_usd,
            "rate_date": conversion.rate_date, "rate_source": conversion.rate_source,
            "rate_note": conversion.note, "rate_at_run_date": published is None}


def _add_fact_rows(rows: dict[str, list[dict]], entities: dict[str, dict], places: dict[str, dict],
                   extraction: Extraction, version: str, body: str, published: date | None, run_day: date) -> None:
    """One article's mentions and amounts (and the entities and places they point at) as staging
    rows, each with the paragraph of the body it is in (`reading.paragraphs.paragraph_spans`);
    money is converted at `published`, or at `run_day` when the article is undated."""
    article_id = extraction.article_id
    paragraphs = paragraph_spans(body)
    resolutions = extraction.places or (None,) * len(extraction.mentions)
    for number, (mention, resolved) in enumerate(zip(extraction.mentions, resolutions, strict=True)):
        place = resolved.place if resolved is not None else None
        if place is not None and place.place_id not in places:
            places[place.place_id] = _place_row(place)
        key = entity_id(mention.entity_key)
        entities.setdefault(key, {
            "entity_id": key, "entity_key": mention.entity_key, "name": mention.entity_name,
            "label": mention.label, "country_code": mention.country_code,
        })
        rows["batch_mentions"].append({
            "article_id": article_id, "mention_no": number, "entity_id": key,
            "start_char": mention.start, "end_char": mention.end, "text": mention.text,
            "label": mention.label, "sentence_no": mention.sentence, "extractor_version": version,
            "paragraph_no": paragraph_at(paragraphs, mention.start),
            "place_id": place.place_id if place is not None else None,
            # Why an unresolved LOC is no place; other labels' misses say nothing worth keeping.
            "place_how": resolved.how if resolved is not None and (place is not None or mention.label == "LOC")
            else None,
        })
    for number, (amount, sentence) in enumerate(zip(extraction.amounts, extraction.amount_sentences,
                                                    strict=True)):
        rows["batch_amounts"].append({
            "article_id": article_id, "amount_no": number, "start_char": amount.start,
            "end_char": amount.end, "text": amount.text, "kind": amount.kind,
            "value": _exact(amount.value), "value_high": _exact(amount.value_high),
            "unit": amount.unit, "object": amount.object, "qualifier": amount.qualifier,
            "unit_inferred": amount.unit_inferred, "sentence_no": sentence,
            "extractor_version": version, "paragraph_no": paragraph_at(paragraphs, amount.start),
            "per_value": _exact(amount.per_value), "per_unit": amount.per_unit, "restates": amount.restates,
            **_money_columns(amount, published, run_day),
        })
    rows["batch_sentences"] += [{"article_id": article_id, "sentence_no": number, "start_char": start, "end_char": end}
                                for number, (start, end) in enumerate(extraction.sentence_spans)]


def _place_row(place: Place) -> dict:
    return {"place_id": place.place_id, "kind": place.kind, "name": place.name, "country_code": place.country_code,
            "region_code": place.region_code, "admin1_code": place.admin1_code, "admin1_name": place.admin1_name,
            "geonameid": place.geonameid, "latitude": place.latitude, "longitude": place.longitude,
            "population": place.population}


def batch_rows(batch: LoadBatch) -> dict[str, list[dict]]:
    """The batch as rows per staging table (plain data, testable without a database)."""
    version, run_id = batch.extractor_version, batch.run_id
    run_day = _now().date()
    rows: dict[str, list[dict]] = {name: [] for name in _SCHEMAS}
    entities: dict[str, dict] = {}
    places: dict[str, dict] = {}
    for article, extraction in zip(batch.articles, batch.extractions, strict=True):
        if article.article_id != extraction.article_id:
            raise ValueError(f"extraction {extraction.article_id} does not belong to {article.article_id}")
        rows["batch_articles"].append({
            "article_id": article.article_id, "title": article.title, "body": article.body,
            "published_date": article.published, "dateline_place": article.dateline_place,
            "agency": article.agency, "outlet": article.outlet, "url": article.url,
            "source_ref": article.source_ref, "source_path": article.source_path,
            "source_position": article.position, "char_count": len(article.body),
            "run_id": run_id, "extractor_version": version, "language": article.language,
            "country_code": extraction.dateline_country,
        })
        _add_fact_rows(rows, entities, places, extraction, version, article.body, article.published, run_day)
    rows["batch_entities"] = list(entities.values())
    rows["batch_places"] = list(places.values())
    rows["batch_deliveries"] = [
        {"article_id": d.article_id, "source_path": d.source_path, "position": d.position,
         "content_hash": d.content_hash, "run_id": run_id}
        for d in batch.deliveries
    ]
    rows["batch_rejections"] = [
        {"run_id": run_id, "source_path": r.source_path, "line_no": r.line, "reason": r.reason,
         "content_hash": batch.content_hashes.get(r.source_path)}
        for r in batch.rejections
    ]
    seen_at = _now()
    rows["batch_source_files"] = [
        {"path": f.path, "content_hash": f.content_hash, "size_bytes": f.size_bytes,
         "modified_at": f.modified_at, "status": f.status, "reason": f.reason,
         "articles_found": f.articles_found, "records_rejected": f.records_rejected,
         "seen_at": seen_at, "run_id": run_id, "encoding": f.encoding}
        for f in batch.files
    ]
    rows["batch_unchanged_files"] = unchanged_file_rows(batch.same_content, seen_at)
    rows["batch_paragraph_tags"] = [{"paragraph_hash": key, "extractor_version": version, "tags": tags.to_json()}
                                    for key, tags in batch.paragraph_tags.items()]
    return rows


def unchanged_file_rows(files: list[SourceFile], seen_at: datetime) -> list[dict]:
    return [{"path": f.path, "size_bytes": f.size, "modified_at": f.mtime, "seen_at": seen_at} for f in files]


_FACT_TABLES = ("batch_mentions", "batch_amounts")
# Rows that belong to an article's extraction: stored only with the article they describe.
_PER_ARTICLE_TABLES = _FACT_TABLES + ("batch_sentences",)
# Articles first (the facts of the articles it inserts follow), entities before the mentions
# that point at them.
_LOAD_ORDER = [
    ("batch_entities", "insert_entities"),
    ("batch_places", "insert_places"),
    ("batch_mentions", "insert_mentions"),
    ("batch_amounts", "insert_amounts"),
    ("batch_sentences", "insert_sentences"),
    ("batch_deliveries", "insert_deliveries"),
    ("batch_rejections", "insert_rejections"),
    ("batch_source_files", "upsert_source_files"),
    ("batch_unchanged_files", "mark_unchanged_files"),
    ("batch_paragraph_tags", "insert_paragraph_tags"),
]


def load_batch(engine: Engine, batch: LoadBatch) -> LoadCounts:
    """Store one batch in one transaction; returns what it added (zero on a repeat)."""
    tables = {name: _table(name, rows) for name, rows in batch_rows(batch).items()}
    with engine.begin() as conn:
        before = _fact_counts(conn)
        started = time.perf_counter()
        new_ids = {row[0] for row in _insert_table(conn, "batch_articles", tables["batch_articles"], "new_articles")}
        inserted = [a.article_id for a in batch.articles if a.article_id in new_ids]
        _insert_table(conn, "batch_articles", tables["batch_articles"], "insert_articles")
        # Facts only for the articles this transaction stored: an article already in the
        # warehouse (a batch loaded again) keeps the facts it has.
        for name in _PER_ARTICLE_TABLES:
            tables[name] = tables[name].filter(pc.is_in(tables[name]["article_id"], pa.array(inserted, pa.string())))
        fact_seconds = 0.0
        for name, statement in _LOAD_ORDER:
            statement_started = time.perf_counter()
            _insert_table(conn, name, tables[name], statement)
            if name in _FACT_TABLES:
                fact_seconds += time.perf_counter() - statement_started
        inserting = time.perf_counter() - started
        after = _fact_counts(conn)
        articles, _, mentions, amounts = (a - b for a, b in zip(after, before))
        execute_file(conn, "load/add_batch_to_run.sql", (articles, mentions, amounts, batch.run_id))
    return LoadCounts(*(a - b for a, b in zip(after, before)),
                      rows_offered=sum(tables[name].num_rows for name in ["batch_articles", *(n for n, _ in _LOAD_ORDER)]),
                      insert_seconds=inserting, fact_rows=sum(tables[name].num_rows for name in _FACT_TABLES),
                      fact_seconds=fact_seconds, article_ids=tuple(inserted))


def _fact_counts(conn: Connection) -> tuple[int, int, int, int]:
    return tuple(execute_file(conn, "load/fact_counts.sql").one())


@dataclass(frozen=True)
class StoredArticle:
    """What re-extraction needs of a stored article (the attributes `extract_batch` reads)."""
    article_id: str
    body: str
    outlet: str | None
    language: str | None
    published_date: date | None = None


def articles_to_reprocess(engine: Engine, *, version: str, everything: bool, after: str,
                          limit: int) -> list[StoredArticle]:
    """The next `limit` articles, by id after `after`, extracted by another version than `version`
    (or all of them with `everything`)."""
    with engine.connect() as conn:
        return [StoredArticle(*row) for row in execute_file(
            conn, "load/articles_to_reprocess.sql", (everything, version, after, limit))]


def count_articles_to_reprocess(engine: Engine, *, version: str, everything: bool) -> int:
    with engine.connect() as conn:
        return execute_file(conn, "load/count_articles_to_reprocess.sql", (everything, version)).scalar_one()


def replace_extractions(engine: Engine, *, version: str, extractions: list[Extraction],
                        bodies: Mapping[str, str], dates: Mapping[str, date | None] | None = None) -> LoadCounts:
    """Swap the mentions and amounts of these articles (bodies and publication dates: by article
    id) for new ones, in one transaction: a reader of this file sees every article of the batch
    either as it was or re-extracted."""
    rows: dict[str, list[dict]] = {name: [] for name in _SCHEMAS}
    entities: dict[str, dict] = {}
    places: dict[str, dict] = {}
    dates = dates or {}
    run_day = _now().date()
    for extraction in extractions:
        key = extraction.article_id
        _add_fact_rows(rows, entities, places, extraction, version, bodies[key], dates.get(key), run_day)
    rows["batch_entities"] = list(entities.values())
    ids = [{"article_id": e.article_id, "country_code": e.dateline_country} for e in extractions]
    with engine.begin() as conn:
        _, entities_before, _, _ = _fact_counts(conn)
        _insert(conn, "batch_article_ids", ids, "delete_extractions")
        _insert(conn, "batch_entities", rows["batch_entities"], "insert_entities")
        _insert(conn, "batch_places", list(places.values()), "insert_places")
        _insert(conn, "batch_mentions", rows["batch_mentions"], "insert_mentions")
        _insert(conn, "batch_amounts", rows["batch_amounts"], "insert_amounts")
        _insert(conn, "batch_sentences", rows["batch_sentences"], "insert_sentences")
        _insert(conn, "batch_article_ids", ids, "set_extractor_version", (version,))
        stories = _insert(conn, "batch_article_ids", ids, "stories_of_articles")
        share_dateline_countries(conn, [row[0] for row in stories])
        _, entities_after, _, _ = _fact_counts(conn)
    return LoadCounts(len(extractions), entities_after - entities_before,
                      len(rows["batch_mentions"]), len(rows["batch_amounts"]))


def share_dateline_countries(conn: Connection, story_ids: list[str]) -> None:
    """Articles of these stories without a dateline take the story's dateline country: a copy
    whose scrape lost its dateline is still filed from where the story was."""
    if story_ids:
        execute_file(conn, "load/share_dateline_countries.sql", (sorted(set(story_ids)),))


def known_paragraph_tags(engine: Engine, *, version: str, hashes: set[str]) -> dict[str, ParagraphTags]:
    """The cached model output of these paragraphs for this extractor version."""
    if not hashes:
        return {}
    with engine.begin() as conn:   # begin(): see existing_article_ids
        return {key: ParagraphTags.from_json(tags)
                for key, tags in _insert(conn, "batch_paragraph_hashes", [{"paragraph_hash": h} for h in hashes],
                                         "known_paragraph_tags", (version,))}


def mark_unchanged_files(engine: Engine, files: list[SourceFile]) -> None:
    """Record that these files, unchanged, were still in the inbox (their `last_seen_at`)."""
    with engine.begin() as conn:
        _insert(conn, "batch_unchanged_files", unchanged_file_rows(files, _now()), "mark_unchanged_files")


def known_source_files(engine: Engine) -> dict[str, tuple[int, datetime, str | None, str]]:
    """path -> (size, mtime, content hash, status) of every file the warehouse has seen."""
    with engine.connect() as conn:
        return {row[0]: (row[1], row[2], row[3], row[4])
                for row in execute_file(conn, "load/known_source_files.sql")}


def refresh_entity_stats(engine: Engine) -> None:
    """Re-vote entity labels and counts; link short person names to their full name (the vote
    first, since linking needs each entity's PER label, then again for the merged counts), bare
    acronyms to the entity an article defined them as and names written without their connectors
    to the spelling with them or without that is most used; name each entity by its most frequent
    spelling.

    Linking repeats while it links (at most three rounds): a link changes the counts and names
    the next one reads (`José Antonio Meade` joins `José Antonio Meade Kuribreña` once `Meade`
    has joined it), and a run of a steady warehouse ends after a round that finds nothing."""
    for _ in range(3):
        with engine.begin() as conn:
            execute_file(conn, "load/refresh_entity_stats.sql")
            execute_file(conn, "load/link_short_person_names.sql")
            execute_file(conn, "load/link_defined_acronyms.sql")
            execute_file(conn, "load/link_names_across_connectors.sql")
            linked = conn.exec_driver_sql("select count(*) from entity_links").scalar()
            execute_file(conn, "load/apply_entity_links.sql")
        with engine.begin() as conn:
            execute_file(conn, "load/drop_orphan_entities.sql")
        if not linked:
            break
    with engine.begin() as conn:
        execute_file(conn, "load/refresh_entity_stats.sql")
        execute_file(conn, "load/name_entities_by_spelling.sql")


def entity_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return _fact_counts(conn)[1]


def start_run(engine: Engine, *, run_id: str, flow_run_id: str | None, inbox: str,
              extractor_version: str, started_at: datetime, kind: str = "ingest") -> int:
    """Record a run as running; first close the runs a killed process left running (the caller
    holds the writer lock, so none is alive). Returns how many were closed."""
    with engine.begin() as conn:
        interrupted = execute_file(conn, "load/close_interrupted_runs.sql", (_now(),)).rowcount
        execute_file(conn, "load/start_run.sql", (run_id, flow_run_id, inbox, started_at, extractor_version, kind))
    return max(interrupted or 0, 0)


_RUN_COUNTERS = ("files_seen", "files_unchanged", "files_pending", "files_rejected", "articles_loaded",
                 "articles_present", "articles_reprocessed", "records_rejected", "entities_added",
                 "mentions_loaded", "amounts_loaded")


def record_progress(engine: Engine, run_id: str, counts: dict[str, int]) -> None:
    """The counts of a run still going (after each committed batch)."""
    with engine.begin() as conn:
        execute_file(conn, "load/record_run_progress.sql", (*(counts.get(c, 0) for c in _RUN_COUNTERS), run_id))


def finish_run(engine: Engine, run_id: str, *, status: str, counts: dict[str, int], message: str | None,
               stage_seconds: dict[str, float] | None = None) -> None:
    """Record the run's end; `counts` holds the `runs` counters this kind of run keeps (others 0),
    `stage_seconds` the seconds of each stage (`run_stages`)."""
    with engine.begin() as conn:
        execute_file(conn, "load/record_run_progress.sql", (*(counts.get(c, 0) for c in _RUN_COUNTERS), run_id))
        execute_file(conn, "load/finish_run.sql", (_now(), status, message, run_id))
        _insert(conn, "batch_run_stages", [{"run_id": run_id, "stage": stage, "seconds": seconds}
                                           for stage, seconds in (stage_seconds or {}).items()], "insert_run_stages")

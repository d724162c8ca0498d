"""Stories in the warehouse: each article placed in the story of its closest earlier article.

`matching.py` decides (plain functions, on `sketches.py`); this module feeds it from the warehouse and
stores what it decided. Articles are placed in arrival order, one page at a time and one
transaction per page: a batch just loaded (`place_articles`, by id), or every article still
without a story (`place_pending_stories`: a warehouse from before stories, a run killed between
a load and its stories). For each page:

1. their paragraphs (`article_paragraphs`, with the identity of each normalised paragraph) and
   sketches (MinHash signature, shingle count, long paragraphs);
2. the earlier articles sharing a lookup key with them (`story_keys`: 64-bit hashes of LSH band
   keys and long-paragraph identities) and published close enough to be in their story: a hash
   join of the page's keys against the key rows of those dates (`candidate_dates`), then the
   sketches of those few candidates by id (an index), and MinHash comparisons with them only,
   never with every article;
3. `articles.story_id`, `closest_article_id`, `story_similarity`; and their keys, so later
   articles find them.

What each stage costs as the warehouse grows: `benchmarks/story_cost.py`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta

import pyarrow as pa
from sqlalchemy.engine import Engine

from warehouse.storage.db import execute_file, execute_over_table
from warehouse.storage.load import share_dateline_countries
from warehouse.stories.matching import StoryCandidate, assign_stories
from warehouse.stories.settings import StorySettings
from warehouse.stories.sketches import (article_paragraphs, signature_from_bytes, signature_to_bytes, sketch,
                                        story_keys)

PAGE_ARTICLES = 512

_SCHEMAS = {
    "batch_article_paragraphs": pa.schema([
        ("article_id", pa.string()), ("paragraph_no", pa.int32()), ("start_char", pa.int32()),
        ("end_char", pa.int32()), ("paragraph_identity", pa.string())]),
    "batch_article_sketches": pa.schema([
        ("article_id", pa.string()), ("signature", pa.binary()), ("shingle_count", pa.int32()),
        ("distinctive_paragraphs", pa.string()), ("story_settings", pa.string())]),
    "batch_story_keys": pa.schema([("lookup_key", pa.int64())]),
    "batch_story_key_rows": pa.schema([("lookup_key", pa.int64()), ("article_id", pa.string()),
                                       ("published_date", pa.date32())]),
    "batch_story_assignments": pa.schema([
        ("article_id", pa.string()), ("story_id", pa.string()), ("closest_article_id", pa.string()),
        ("story_similarity", pa.float64())]),
}


@dataclass(frozen=True)
class StoriesPlaced:
    articles: int = 0          # placed in a story
    joined: int = 0            # of which joined an earlier article's story


# What shapes a stored sketch and its keys; the decision thresholds do not.
_SKETCH_SETTINGS = ("shingle_size", "num_perm", "lsh_threshold", "min_paragraph_words", "seed")


def settings_tag(settings: StorySettings) -> str:
    """What a stored sketch was made with: sketches of other settings are not compared."""
    values = asdict(settings)
    return ",".join(f"{name}={values[name]}" for name in _SKETCH_SETTINGS)


def lookup_key(key: str) -> int:
    """A key of `sketches.story_keys` as a signed 64-bit integer (what the key table stores)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


def _table(name: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=_SCHEMAS[name])


def place_articles(engine: Engine, article_ids: Sequence[str], settings: StorySettings = StorySettings(),
                   page_articles: int = PAGE_ARTICLES) -> StoriesPlaced:
    """Place these articles (a batch just loaded), all of them in arrival order (the order
    `pending_articles.sql` gives); those that already have a story are left as they are. Reads
    them by id: the cost does not grow with the warehouse, where looking for articles without a
    story reads the whole story column."""
    with engine.connect() as conn:
        found = sorted(execute_file(conn, "stories/articles_to_place.sql", (list(article_ids),)))
    unplaced = [(article_id, body, published) for *_, article_id, body, published, story_id in found
                if story_id is None]
    placed, joined = 0, 0
    for start in range(0, len(unplaced), page_articles):
        page = unplaced[start:start + page_articles]
        placed, joined = placed + len(page), joined + _place_page(engine, page, settings)
    return StoriesPlaced(placed, joined)


def place_pending_stories(engine: Engine, settings: StorySettings = StorySettings(),
                          page_articles: int = PAGE_ARTICLES) -> StoriesPlaced:
    """Place every article without a story, oldest first (a warehouse upgraded to stories, a run
    killed between a load and its stories); returns how many were placed. The story views show
    them after the next `db.refresh_views` (the end of a run: `storage/derived.py`)."""
    placed, joined = 0, 0
    while True:
        with engine.connect() as conn:
            page = list(execute_file(conn, "stories/pending_articles.sql", (page_articles,)))
        if page:
            placed, joined = placed + len(page), joined + _place_page(engine, page, settings)
        if len(page) < page_articles:
            return StoriesPlaced(placed, joined)


def _place_page(engine: Engine, page: list[tuple[str, str, date | None]], settings: StorySettings) -> int:
    tag = settings_tag(settings)
    paragraphs = {article_id: article_paragraphs(body) for article_id, body, _ in page}
    sketches = [sketch(article_id, body, settings, published, paragraphs[article_id])
                for article_id, body, published in page]
    keys = {article.article_id: story_keys(article.signature, article.distinctive_paragraphs, settings)
            for article in sketches}
    key_rows = [{"lookup_key": lookup_key(key), "article_id": article.article_id, "published_date": article.published}
                for article in sketches for key in keys[article.article_id]]
    with engine.begin() as conn:
        shared = candidate_ids(conn, [row["lookup_key"] for row in key_rows], candidate_dates(page, settings))
        candidates = _candidates(conn, shared, tag) if shared else []
        assignments = assign_stories(sketches, candidates, settings)
        execute_over_table(conn, "batch_article_paragraphs", _table("batch_article_paragraphs", [
            {"article_id": article_id, "paragraph_no": p.paragraph_no, "start_char": p.start_char,
             "end_char": p.end_char, "paragraph_identity": p.identity}
            for article_id, _, _ in page for p in paragraphs[article_id]]), "stories/insert_article_paragraphs.sql")
        execute_over_table(conn, "batch_article_sketches", _table("batch_article_sketches", [
            {"article_id": a.article_id, "signature": signature_to_bytes(a.signature),
             "shingle_count": a.shingle_count, "distinctive_paragraphs": " ".join(a.distinctive_paragraphs),
             "story_settings": tag} for a in sketches]), "stories/insert_article_sketches.sql")
        execute_over_table(conn, "batch_story_key_rows", _table("batch_story_key_rows", key_rows),
                           "stories/insert_story_keys.sql")
        execute_over_table(conn, "batch_story_assignments", _table("batch_story_assignments", [
            {"article_id": a.article_id, "story_id": a.story_id, "closest_article_id": a.closest_article_id,
             "story_similarity": a.similarity} for a in assignments]), "stories/set_article_stories.sql")
        share_dateline_countries(conn, [a.story_id for a in assignments])
    return sum(1 for a in assignments if a.closest_article_id is not None)


def candidate_dates(page: list[tuple[str, str, date | None]], settings: StorySettings) -> tuple[date, date]:
    """The publication dates an earlier article needs to be a candidate of any article of the
    page (`matching.within_days`): the page's dates widened by `max_days`; every date when an
    article of the page has none. Undated earlier articles are candidates whatever these are."""
    dates = [published for _, _, published in page]
    if not dates or None in dates:
        return date.min, date.max
    margin = timedelta(days=settings.max_days)
    earliest, latest = min(dates), max(dates)
    return (earliest - margin if earliest - date.min > margin else date.min,
            latest + margin if date.max - latest > margin else date.max)


def candidate_ids(conn, keys: list[int], dates: tuple[date, date]) -> list[str]:
    """Stored articles sharing one of these lookup keys, published within `dates` or undated."""
    return [row[0] for row in execute_over_table(
        conn, "batch_story_keys", _table("batch_story_keys", [{"lookup_key": key} for key in keys]),
        "stories/candidates.sql", dates)]


def _candidates(conn, article_ids: list[str], tag: str) -> list[StoryCandidate]:
    """The candidates already in a story whose sketch was made with these settings."""
    placed = {article_id: (story_id, published) for article_id, story_id, published
              in execute_file(conn, "stories/candidate_stories.sql", (article_ids,)) if story_id is not None}
    return [StoryCandidate(article_id, placed[article_id][0], signature_from_bytes(signature), shingle_count,
                           tuple(distinctive.split()), placed[article_id][1])
            for article_id, signature, shingle_count, distinctive, settings
            in execute_file(conn, "stories/candidate_sketches.sql", (article_ids,))
            if settings == tag and article_id in placed]


def place_facts_in_paragraphs(conn) -> None:
    """Set `paragraph_no` of the mentions and amounts that have none (new, reprocessed, or
    stored before paragraphs were)."""
    execute_file(conn, "stories/set_fact_paragraphs.sql")

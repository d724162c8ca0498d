"""Deleting articles (a withdrawn or retracted story): everything stored for them, in one
transaction, and a record in `article_retractions` so no run loads them again.

What depends on a deleted article elsewhere is handed back, not fixed here: the other articles
of its stories lose their story placement (`forget_story_placement.sql`), and the caller places
them again (`stories.placement.place_pending_stories`) and refreshes entity statistics, as the
end of a run does.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
from sqlalchemy.engine import Engine

from warehouse.storage.db import execute_file, execute_over_table


@dataclass(frozen=True)
class Deleted:
    articles: tuple[str, ...]          # ids deleted
    not_found: tuple[str, ...]         # ids asked for that are no article of the warehouse
    placed_again: int                  # other articles of their stories, to be placed again
    mentions: int
    amounts: int
    retracted: tuple[str, ...] = ()    # of `not_found`, those deleted before (in article_retractions)


def _ids(article_ids) -> pa.Table:
    return pa.table({"article_id": pa.array(list(article_ids), pa.string())})


def articles_of_source_file(engine: Engine, source_path: str) -> tuple[list[str], list[str]]:
    """(articles only this file delivered, articles another file delivered too)."""
    with engine.connect() as conn:
        rows = execute_file(conn, "delete/articles_of_source_file.sql", (source_path,)).fetchall()
    return [a for a, elsewhere in rows if not elsewhere], [a for a, elsewhere in rows if elsewhere]


def delete_articles(engine: Engine, article_ids: list[str], reason: str | None = None,
                    dry_run: bool = False) -> Deleted:
    """Delete these articles with their facts, sentences, story data, search index and deliveries,
    and record the retraction; with `dry_run`, count what would go and change nothing."""
    wanted = list(dict.fromkeys(article_ids))
    with engine.begin() as conn:
        found = execute_over_table(conn, "batch_article_ids", _ids(wanted), "delete/found_articles.sql")
        ids = [row[0] for row in found]
        missing = [a for a in wanted if a not in set(ids)]
        retracted = tuple(row[0] for row in execute_over_table(conn, "batch_article_ids", _ids(missing),
                                                               "delete/retracted_articles.sql")) if missing else ()
        if not ids:
            return Deleted((), tuple(wanted), 0, 0, 0, retracted)
        staged = _ids(ids)
        mentions, amounts = execute_over_table(conn, "batch_article_ids", staged, "delete/fact_counts.sql")[0]
        again = [row[0] for row in execute_over_table(conn, "batch_article_ids", staged,
                                                      "delete/story_articles_to_place_again.sql")]
        if not dry_run:
            execute_over_table(conn, "batch_article_ids", _ids(again), "delete/forget_story_placement.sql")
            execute_over_table(conn, "batch_retractions", pa.table({
                "article_id": pa.array(ids, pa.string()),
                "title": pa.array([row[1] for row in found], pa.string()),
                "source_path": pa.array([row[2] for row in found], pa.string()),
                "published_date": pa.array([row[3] for row in found], pa.date32()),
                "reason": pa.array([reason] * len(ids), pa.string())}), "delete/insert_retractions.sql")
            execute_over_table(conn, "batch_article_ids", staged, "delete/delete_articles.sql")
            execute_file(conn, "load/drop_orphan_entities.sql")
    return Deleted(tuple(ids), tuple(missing), len(again), mentions, amounts, retracted)

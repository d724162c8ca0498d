"""Tables the load keeps for views that would otherwise compute over the whole warehouse per query.

The story views group every article, figure and mention by story: 4-35 s a query each at a
million articles (BENCHMARKS.md, "Scale"). Those rows depend only on the story's own articles
(their figures, paragraphs and mentions, by entity id) and the reference places, so each is
stored as a table (`derived_<name>`, computed by `sql/derived/<name>.sql` over the temp views
`scoped_articles` and `scoped_story_amounts`), and a refresh computes again only the stories
whose fingerprint (`sql/derived/story_fingerprints.sql`: a hash of their articles, figures,
paragraphs and mentions) changed since the last one, whichever command changed them (a load, a
reprocess, a deletion, a placement, entities linked, a fact's paragraph placed later). The views
read the tables and add what may change without the story changing (entity names, labels).
`db.refresh_views` refreshes them at the end of a run, a deletion or a reprocess; a writer
opening the warehouse (`db.prepare`) only creates them when missing or redefined.

`entity_cooccurrence` counts articles per pair of entities across stories: its counts are kept
in `derived_entity_pairs`, and each article whose set of entities changed takes its old pairs off
and adds its new ones (`refresh_entity_pairs`).

When a derived SQL file or the places reference table changes (a new release), the stored
definition no longer matches and its tables are computed again from scratch.
"""

from __future__ import annotations

import hashlib

from sqlalchemy.engine import Connection

from warehouse.paths import SQL_DIR

# Computed in this order: story_amounts_by_country reads derived_story_amounts.
STORY_TABLES = ("stories", "story_amounts", "story_amounts_by_country", "story_amount_entities",
                "story_entity_statements", "story_country_statements")
FINGERPRINTS = "story_fingerprints"
SET_NAME = "story tables"
# entity_cooccurrence's pair counts, kept by article (refresh_entity_pairs).
PAIR_FILES = ("entity_pairs", "article_entities", "changed_article_entities", "entity_pair_changes",
              "pair_counts_drifted")
PAIRS_SET = "entity pairs"
CHANGED = "coalesce(story_id, '') in (select story_key from changed_stories)"


def _sql(name: str) -> str:
    return (SQL_DIR / "derived" / f"{name}.sql").read_text(encoding="utf-8")


def _digest(names: tuple[str, ...], extra: str = "") -> str:
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + _sql(name).encode() + b"\0")
    return hashlib.sha256(digest.hexdigest().encode() + extra.encode()).hexdigest()


def definition(conn: Connection) -> str:
    """What the stored story tables are computed by: a digest of their SQL files and of the
    places reference table (whose countries story_amounts_by_country reads)."""
    places = conn.exec_driver_sql("select coalesce(sum(hash(place_id, kind, country_code)), 0) from places").scalar_one()
    return _digest((FINGERPRINTS, *STORY_TABLES), str(places))


def pairs_definition() -> str:
    return _digest(PAIR_FILES)


def _stored_definition(conn: Connection, set_name: str, tables: tuple[str, ...]) -> str | None:
    present = {row[0] for row in conn.exec_driver_sql(
        "select table_name from duckdb_tables() where database_name = current_database() and schema_name = 'main'")}
    if not {*tables, "derived_definitions"} <= present:
        return None
    row = conn.exec_driver_sql("select definition from derived_definitions where name = ?", (set_name,)).fetchone()
    return row[0] if row else None


def _record_definition(conn: Connection, set_name: str, wanted: str) -> None:
    conn.exec_driver_sql("create table if not exists derived_definitions (name varchar, definition varchar)")
    conn.exec_driver_sql("delete from derived_definitions where name = ?", (set_name,))
    conn.exec_driver_sql("insert into derived_definitions values (?, ?)", (set_name, wanted))


def _scope(conn: Connection, *, amounts: bool = True) -> None:
    """The temp views the derived SQL reads: the rows of the changed stories only."""
    conn.exec_driver_sql(f"create or replace temp view scoped_articles as select * from articles where {CHANGED}")
    if amounts:   # DuckDB binds a view when it is created: derived_story_amounts must exist
        conn.exec_driver_sql("create or replace temp view scoped_story_amounts as "
                             f"select * from derived_story_amounts where {CHANGED}")


def _create_empty(conn: Connection, wanted: str) -> None:
    """Every derived table anew and empty (its columns from its SQL), and no story fingerprinted:
    the refresh then computes every story."""
    conn.exec_driver_sql("create or replace temp table changed_stories (story_key varchar)")
    for name in STORY_TABLES:
        _scope(conn, amounts=STORY_TABLES.index(name) > STORY_TABLES.index("story_amounts"))
        conn.exec_driver_sql(f"create or replace table derived_{name} as {_sql(name)}")
    conn.exec_driver_sql(f"create or replace table derived_{FINGERPRINTS} as select * from ({_sql(FINGERPRINTS)}) where false")
    _record_definition(conn, SET_NAME, wanted)


def refresh_story_tables(conn: Connection, *, only_if_redefined: bool = False) -> int:
    """Bring the derived story tables up to date; returns how many stories were computed again
    (every one when the tables were created anew). `only_if_redefined`: do nothing unless the
    tables are missing or their definition changed (a writer opening the warehouse: its run ends
    with a full refresh, and readers only see what a run published after it)."""
    wanted = definition(conn)
    if _stored_definition(conn, SET_NAME, tuple(f"derived_{n}" for n in (*STORY_TABLES, FINGERPRINTS))) != wanted:
        _create_empty(conn, wanted)
    elif only_if_redefined:
        return 0
    conn.exec_driver_sql(f"create or replace temp table fingerprints_now as {_sql(FINGERPRINTS)}")
    conn.exec_driver_sql(
        "create or replace temp table changed_stories as "
        "select story_key from fingerprints_now as n "
        f"full outer join derived_{FINGERPRINTS} as s using (story_key) "
        "where n.fingerprint is distinct from s.fingerprint")
    changed = conn.exec_driver_sql("select count(*) from changed_stories").scalar_one()
    if changed:
        _scope(conn)
        for name in STORY_TABLES:
            conn.exec_driver_sql(f"delete from derived_{name} where {CHANGED}")
            conn.exec_driver_sql(f"insert into derived_{name} {_sql(name)}")
        conn.exec_driver_sql(f"delete from derived_{FINGERPRINTS} "
                             "where story_key in (select story_key from changed_stories)")
        conn.exec_driver_sql(f"insert into derived_{FINGERPRINTS} select * from fingerprints_now "
                             "where story_key in (select story_key from changed_stories)")
    for temp in ("scoped_story_amounts", "scoped_articles"):
        conn.exec_driver_sql(f"drop view if exists {temp}")
    conn.exec_driver_sql("drop table fingerprints_now")
    conn.exec_driver_sql("drop table changed_stories")
    return changed


def refresh_entity_pairs(conn: Connection, *, only_if_redefined: bool = False) -> int:
    """Bring entity_cooccurrence's pair counts (`derived_entity_pairs`) up to date: the articles
    whose entities differ from those they were last counted with (`derived_article_entities`)
    take their old pairs off and add their new ones. Returns how many articles changed (every
    one when the tables were created anew). A pair count is a sum over articles, so the other
    articles need not be read: at a million articles counting every pair took 50-57 s a query."""
    wanted = pairs_definition()
    if _stored_definition(conn, PAIRS_SET, ("derived_entity_pairs", "derived_article_entities")) != wanted:
        conn.exec_driver_sql(f"create or replace table derived_entity_pairs as {_sql('entity_pairs')}")
        conn.exec_driver_sql(f"create or replace table derived_article_entities as {_sql('article_entities')}")
        _record_definition(conn, PAIRS_SET, wanted)
        return conn.exec_driver_sql("select count(distinct article_id) from derived_article_entities").scalar_one()
    if only_if_redefined:
        return 0
    conn.exec_driver_sql(f"create or replace temp table changed_articles as {_sql('changed_article_entities')}")
    changed = conn.exec_driver_sql("select count(*) from changed_articles").scalar_one()
    if changed:
        conn.exec_driver_sql(f"create or replace temp table pair_changes as {_sql('entity_pair_changes')}")
        if conn.exec_driver_sql(_sql("pair_counts_drifted")).scalar_one():
            # A count would go below zero: the stored counts and the sets they were counted from
            # disagree (an edit by hand, a partial restore). Count every pair again.
            conn.exec_driver_sql("drop table pair_changes")
            conn.exec_driver_sql("drop table changed_articles")
            _record_definition(conn, PAIRS_SET, "drifted")
            return refresh_entity_pairs(conn)
        conn.exec_driver_sql(
            "merge into derived_entity_pairs as p using pair_changes as c "
            "on p.entity_a = c.entity_a and p.entity_b = c.entity_b "
            "when matched then update set articles_together = p.articles_together + c.change "
            "when not matched then insert (entity_a, entity_b, articles_together) values (c.entity_a, c.entity_b, c.change)")
        conn.exec_driver_sql("delete from derived_entity_pairs where articles_together <= 0")
        conn.exec_driver_sql("delete from derived_article_entities where article_id in (select article_id from changed_articles)")
        conn.exec_driver_sql("insert into derived_article_entities select distinct article_id, entity_id from mentions "
                             "where article_id in (select article_id from changed_articles)")
        conn.exec_driver_sql("drop table pair_changes")
    conn.exec_driver_sql("drop table changed_articles")
    return changed

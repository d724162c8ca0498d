"""The tables the story views read (warehouse/storage/derived.py), kept per story by fingerprint:
after every kind of change they hold what computing them over the whole warehouse gives."""

from dataclasses import replace

import pytest

from warehouse.extraction.extract import extract_texts
from warehouse.storage import db, deletion, derived, load
from warehouse.stories import placement

from tests.integration.test_warehouse import sample_batch


def from_scratch(engine, name):
    """The rows sql/derived/<name>.sql gives over every article: what the table should hold."""
    with engine.begin() as conn:
        conn.exec_driver_sql("create or replace temp view scoped_articles as select * from articles")
        # From the figures themselves, not from derived_story_amounts: a stale table would agree with itself.
        conn.exec_driver_sql("create or replace temp view scoped_story_amounts as " + derived._sql("story_amounts"))
        return sorted(map(repr, conn.exec_driver_sql(derived._sql(name)).fetchall()))


def stored(engine, name):
    with engine.connect() as conn:
        return sorted(map(repr, conn.exec_driver_sql(f"select * from derived_{name}").fetchall()))


def assert_up_to_date(engine):
    for name in derived.STORY_TABLES:
        assert stored(engine, name) == from_scratch(engine, name), name


def refresh(engine):
    with engine.begin() as conn:
        return derived.refresh_story_tables(conn)


@pytest.fixture(scope="module")
def extractions(nlp, sample_articles):
    # The samples, and a re-send of the second under another title: a third article of their story.
    resend = replace(sample_articles[1], article_id="resend-of-2", title="Otro título",
                     source_path="resend.txt", position=0)
    articles = [*sample_articles, resend]
    return articles, list(extract_texts(((a.article_id, a.body) for a in articles), nlp=nlp))


def test_the_story_views_follow_loads_placements_edits_and_deletions(engine, extractions):
    articles, extracted = extractions
    load.load_batch(engine, sample_batch(articles[:2], extracted[:2]))
    placement.place_pending_stories(engine)
    assert refresh(engine) == 1                        # the samples' one story
    assert_up_to_date(engine)
    assert stored(engine, "stories") and stored(engine, "story_amounts")
    assert refresh(engine) == 0                        # nothing changed: nothing computed again

    load.load_batch(engine, sample_batch(articles[2:], extracted[2:]))
    placement.place_pending_stories(engine)
    assert stored(engine, "stories") != from_scratch(engine, "stories")   # the views wait for a refresh
    db.refresh_views(engine)
    assert_up_to_date(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select max(articles) from stories").scalar_one() == 3

    # A figure changed in place (a re-extraction by a changed rule): only the fingerprint sees it.
    with engine.begin() as conn:
        conn.exec_driver_sql("update amounts set value = value + 1 where amount_no = 0")
    assert stored(engine, "story_amounts") != from_scratch(engine, "story_amounts")   # stale until refreshed
    assert refresh(engine) == 1
    assert_up_to_date(engine)

    # A deletion: the story loses its first article and is placed again; the tables follow.
    deleted = deletion.delete_articles(engine, [articles[0].article_id], reason="test")
    assert deleted.articles
    placement.place_pending_stories(engine)
    db.refresh_views(engine)
    assert_up_to_date(engine)
    with engine.connect() as conn:
        ids = {row[0] for row in conn.exec_driver_sql("select unnest(article_ids) from stories")}
    assert articles[0].article_id not in ids and ids == {a.article_id for a in articles[1:]}


def test_a_changed_definition_computes_every_table_again(engine, extractions):
    articles, extracted = extractions
    load.load_batch(engine, sample_batch(articles, extracted))
    placement.place_pending_stories(engine)
    db.refresh_views(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("update derived_definitions set definition = 'an older release' where name = 'story tables'")
        conn.exec_driver_sql("delete from derived_story_amounts")
    with engine.connect() as conn:
        stories = conn.exec_driver_sql("select count(distinct story_id) from articles").scalar_one()
    assert refresh(engine) == stories
    assert_up_to_date(engine)
    with engine.begin() as conn:
        assert conn.exec_driver_sql("select definition from derived_definitions where name = 'story tables'"
                                    ).scalar_one() == derived.definition(conn)


def test_an_article_counts_in_the_story_views_once_placed(engine, extractions):
    """Before placement an article has no story and no paragraphs: no row in either view."""
    articles, extracted = extractions
    load.load_batch(engine, sample_batch(articles[:1], extracted[:1]))
    assert refresh(engine) == 1                        # the unplaced articles' key ('')
    assert_up_to_date(engine)
    assert not stored(engine, "stories") and not stored(engine, "story_amounts")
    placement.place_pending_stories(engine)
    assert refresh(engine) == 2                        # '' went, the article's story came
    assert_up_to_date(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from story_amounts where first_article_id = ?",
                                    (articles[0].article_id,)).scalar_one() > 0


def pairs_from_scratch(engine):
    with engine.connect() as conn:
        return sorted(conn.exec_driver_sql(derived._sql("entity_pairs")).fetchall())


def stored_pairs(engine):
    with engine.connect() as conn:
        return sorted(conn.exec_driver_sql("select * from derived_entity_pairs").fetchall())


def test_entity_pair_counts_follow_loads_links_and_deletions(engine, extractions):
    articles, extracted = extractions
    load.load_batch(engine, sample_batch(articles[:2], extracted[:2]))
    db.refresh_views(engine)
    assert stored_pairs(engine) == pairs_from_scratch(engine) != []
    load.load_batch(engine, sample_batch(articles[2:], extracted[2:]))
    with engine.begin() as conn:
        assert derived.refresh_entity_pairs(conn) == 1
        assert derived.refresh_entity_pairs(conn) == 0
    assert stored_pairs(engine) == pairs_from_scratch(engine)
    # Two entities linked (what load.refresh_entity_stats does to a short name): the mentions
    # of one now name the other, and pairs of the two merge or vanish.
    with engine.begin() as conn:
        first, second = conn.exec_driver_sql(
            "select entity_id from mentions group by 1 order by count(*) desc, 1 limit 2").fetchall()
        conn.exec_driver_sql("update mentions set entity_id = ? where entity_id = ?", (first[0], second[0]))
    assert stored_pairs(engine) != pairs_from_scratch(engine)   # stale until refreshed
    db.refresh_views(engine)
    assert stored_pairs(engine) == pairs_from_scratch(engine)
    deletion.delete_articles(engine, [articles[0].article_id], reason="test")
    db.refresh_views(engine)
    assert stored_pairs(engine) == pairs_from_scratch(engine)
    with engine.connect() as conn:
        view = conn.exec_driver_sql("select count(*), sum(articles_together) from entity_cooccurrence").fetchone()
        scratch = conn.exec_driver_sql(
            "select count(*), sum(p.articles_together) from (" + derived._sql("entity_pairs") + ") as p "
            "join entities as a on a.entity_id = p.entity_a join entities as b on b.entity_id = p.entity_b").fetchone()
    assert view == scratch and view[0] > 0


# Columns a derived story table reads, changed in place as a re-extraction or a later step could
# change them: the story's fingerprint must see each one. (The dateline country is hashed too; the
# samples name a country in every figure's paragraph, so changing it changes no row here.)
IN_PLACE_EDITS = {
    "a figure's value": "update amounts set value = value + 1 where amount_no = 0",
    "a figure's sentence": "update amounts set sentence_no = sentence_no + 1 where amount_no < 3",
    "a figure moved to another article of its story":
        "update amounts set article_id = 'resend-of-2' where amount_no = 0 and article_id <> 'resend-of-2'",
    "a mention's sentence": "update mentions set sentence_no = -1 where article_id = 'resend-of-2'",
    "a mention's entity (a link)":
        "update mentions set entity_id = (select min(entity_id) from mentions) where mention_no < 3",
    "a mention's place": "update mentions set place_id = null where place_id is not null",
    "a paragraph's identity": "update article_paragraphs set paragraph_identity = 'edited' where paragraph_no = 1",
    "an article's title": "update articles set title = 'Otro' where article_id = 'resend-of-2'",
}


@pytest.mark.parametrize("edit", IN_PLACE_EDITS.values(), ids=IN_PLACE_EDITS.keys())
def test_every_column_the_story_tables_read_is_in_the_fingerprint(engine, extractions, edit):
    articles, extracted = extractions
    load.load_batch(engine, sample_batch(articles, extracted))
    placement.place_pending_stories(engine)
    db.refresh_views(engine)
    with engine.begin() as conn:
        assert conn.exec_driver_sql(edit).rowcount != 0, edit
    assert [stored(engine, n) for n in derived.STORY_TABLES] != [from_scratch(engine, n) for n in derived.STORY_TABLES]
    assert refresh(engine) >= 1
    assert_up_to_date(engine)


def test_pair_counts_that_drifted_from_their_articles_are_counted_again(engine, extractions):
    articles, extracted = extractions
    load.load_batch(engine, sample_batch(articles, extracted))
    db.refresh_views(engine)
    with engine.begin() as conn:   # a pair of three articles lost by hand, then one of them changes
        a, b = conn.exec_driver_sql("select entity_a, entity_b from derived_entity_pairs "
                                    "where articles_together = 3 order by 1, 2 limit 1").fetchone()
        conn.exec_driver_sql("delete from derived_entity_pairs where entity_a = ? and entity_b = ?", (a, b))
        conn.exec_driver_sql("delete from mentions where entity_id = ? and article_id = 'resend-of-2'", (a,))
    db.refresh_views(engine)
    assert (a, b, 2) in stored_pairs(engine)
    assert stored_pairs(engine) == pairs_from_scratch(engine)

"""A real DuckDB file: migrations, seeds, idempotent transactional loads, views, data tests."""

import csv
from datetime import datetime, timezone
from decimal import Decimal

import pytest
import sqlalchemy as sa

from warehouse.extraction.extract import extract_texts
from warehouse.extraction.version import current_extractor_version
from warehouse.paths import SEEDS_DIR
from warehouse.storage import db, load
from warehouse.stories import placement
from warehouse.stories.settings import StorySettings

RUN = "run-test"


def rows(engine, sql):
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def scalar(engine, sql):
    return rows(engine, sql)[0][0]


@pytest.fixture(scope="module")
def sample_extractions(nlp, sample_articles):
    return list(extract_texts(((a.article_id, a.body) for a in sample_articles), nlp=nlp))


def sample_batch(sample_articles, sample_extractions, **overrides):
    fields = dict(
        run_id=RUN, extractor_version=current_extractor_version(), articles=list(sample_articles),
        extractions=list(sample_extractions),
        deliveries=[load.Delivery(a.article_id, a.source_path, a.position, "h") for a in sample_articles],
        files=[load.FileRecord(a.source_path, "h", 1, datetime(2025, 1, 1, tzinfo=timezone.utc),
                               "loaded", None, 1, 0) for a in sample_articles],
    )
    return load.LoadBatch(**(fields | overrides))


@pytest.fixture
def loaded(engine, sample_articles, sample_extractions):
    load.load_batch(engine, sample_batch(sample_articles, sample_extractions))
    placement.place_pending_stories(engine)
    load.refresh_entity_stats(engine)
    db.refresh_views(engine)   # as a run ends: the story views read tables it brings up to date
    return engine


def test_migrations_apply_once_and_are_recorded(tmp_path):
    engine = db.connect(tmp_path / "w.duckdb")
    first = db.migrate(engine)
    assert first == [path.name for _, path in db.migration_files()]
    assert db.migrate(engine) == []
    assert scalar(engine, "select count(*) from schema_migrations") == len(first)
    engine.dispose()


def warehouse_before(tmp_path, version: int):
    """A warehouse with the schema of the migrations before `version` only (an older release)."""
    engine = db.connect(tmp_path / "w.duckdb")
    with engine.begin() as conn:
        db.execute_file(conn, "schema/schema_migrations.sql")
        for number, path in db.migration_files():
            if number < version:
                conn.exec_driver_sql(path.read_text(encoding="utf-8"))
                db.execute_file(conn, "schema/record_migration.sql", (number, path.name))
    return engine


# Fact columns added by migrations 015 (paragraph_no) and 019 (rates, money in one currency).
LATER_FACT_COLUMNS = ("paragraph_no", "per_value", "per_unit", "restates", "value_eur", "value_usd", "rate_date",
                      "rate_source", "rate_note", "rate_at_run_date")
# Columns added by later migrations to the other tables a release before stories loaded.
LATER_COLUMNS = LATER_FACT_COLUMNS + ("place_id", "place_how", "country_code")


def load_as_before_stories(engine, batch):
    """Store a batch as a release before migration 015 did: facts without their paragraph."""
    staged = load.batch_rows(batch)
    with engine.begin() as conn:
        for name in ("batch_articles", "batch_entities", "batch_mentions", "batch_amounts", "batch_deliveries"):
            table = load._table(name, staged[name])
            later = [c for c in LATER_COLUMNS if c in table.column_names]
            table = table.drop_columns(later) if later else table
            conn.connection.driver_connection.register("staged", table)
            conn.exec_driver_sql(f"insert into {name.removeprefix('batch_')} by name select * from staged")
            conn.connection.driver_connection.unregister("staged")


def test_facts_loaded_before_their_keys_were_dropped_are_kept(tmp_path, sample_articles, sample_extractions):
    # A warehouse of the schema before migration 014 (keys and foreign keys enforced) upgraded
    # in place: the rebuilt mentions, amounts and deliveries hold the same rows.
    engine = warehouse_before(tmp_path, 14)
    load_as_before_stories(engine, sample_batch(sample_articles, sample_extractions))
    before = sorted(rows(engine, "select * from mentions")), sorted(rows(engine, "select * from amounts")), \
        sorted(rows(engine, "select * replace (delivered_at at time zone 'UTC' as delivered_at) from deliveries"))
    assert db.migrate(engine)[0] == "014_fact_tables_without_enforced_keys.sql"
    # Later migrations may add columns: the rows of the columns there were must be the same.
    after = sorted(rows(engine, "select * exclude (paragraph_no, place_id, place_how) from mentions")), \
        sorted(rows(engine, f"select * exclude ({', '.join(LATER_FACT_COLUMNS)}) from amounts")), \
        sorted(rows(engine, "select * from deliveries"))
    assert after == before and len(before[0]) > 20
    engine.dispose()


def test_a_warehouse_from_before_stories_gets_its_stories_and_fact_paragraphs(tmp_path, sample_articles,
                                                                              sample_extractions):
    # Upgraded from before migration 015: no article has a story and no fact a paragraph. The
    # run's placing step and its finish give them the same as a warehouse loaded today.
    engine = warehouse_before(tmp_path, 15)
    load_as_before_stories(engine, sample_batch(sample_articles, sample_extractions))
    db.migrate(engine)
    assert scalar(engine, "select count(*) from mentions where paragraph_no is null") > 20
    assert placement.place_pending_stories(engine) == placement.StoriesPlaced(2, 1)
    db.refresh_views(engine)
    with engine.begin() as conn:
        placement.place_facts_in_paragraphs(conn)
    today = db.connect(tmp_path / "today.duckdb")
    db.prepare(today)
    load.load_batch(today, sample_batch(sample_articles, sample_extractions))
    placement.place_pending_stories(today)
    db.refresh_views(today)
    for sql in ("select article_id, mention_no, paragraph_no from mentions order by 1, 2",
                "select article_id, amount_no, paragraph_no from amounts order by 1, 2",
                "select article_id, story_id, closest_article_id from articles order by 1"):
        assert rows(engine, sql) == rows(today, sql), sql
    engine.dispose()
    today.dispose()


def test_story_tables_of_migration_15_keep_their_rows(tmp_path, sample_articles, sample_extractions):
    # Migration 016 rebuilds article_sketches (paragraph list as text) and story_keys (with the
    # article's date): every row kept, nothing else changed.
    engine = warehouse_before(tmp_path, 16)
    load_as_before_stories(engine, sample_batch(sample_articles, sample_extractions))
    first, second = (a.article_id for a in sample_articles)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"""
            insert into article_sketches values
                ('{first}', '\\x01\\x02'::blob, 7, ['aa', 'bb'], 'tag'), ('{second}', '\\x03'::blob, 1, [], 'tag');
            insert into story_keys values (11, '{first}'), (-12, '{second}'), (13, '{first}')""")
    assert db.migrate(engine)[0] == "016_story_lookup_that_stays_flat.sql"
    assert rows(engine, "select article_id, signature, shingle_count, distinctive_paragraphs, story_settings "
                        "from article_sketches order by shingle_count") == [
        (second, b"\x03", 1, "", "tag"), (first, b"\x01\x02", 7, "aa bb", "tag")]
    assert sorted(rows(engine, "select lookup_key, article_id, published_date::varchar from story_keys")) == [
        (-12, second, "2025-11-11"), (11, first, "2025-11-11"), (13, first, "2025-11-11")]
    engine.dispose()


def test_every_seed_csv_is_loaded_into_its_reference_table(engine):
    for path in sorted(SEEDS_DIR.glob("*.csv")):
        with open(path, encoding="utf-8") as handle:
            expected = sum(1 for _ in csv.DictReader(handle))
        assert scalar(engine, f"select count(*) from ref_{path.stem}") == expected, path.name


def test_loading_the_same_batch_twice_adds_nothing(engine, sample_articles, sample_extractions):
    first = load.load_batch(engine, sample_batch(sample_articles, sample_extractions))
    again = load.load_batch(engine, sample_batch(sample_articles, sample_extractions))
    assert first.articles == 2 and first.mentions > 20 and first.amounts >= 2
    assert (again.articles, again.entities, again.mentions, again.amounts) == (0, 0, 0, 0)
    assert scalar(engine, "select count(*) from deliveries") == 2


def test_a_failing_batch_leaves_no_article_without_its_facts(engine, sample_articles, sample_extractions):
    broken = sample_extractions[1]
    bad_mention = broken.mentions[0].__class__(**{**broken.mentions[0].__dict__, "label": "NOPE"})
    broken = broken.__class__(broken.article_id, (bad_mention,) + broken.mentions[1:], broken.amounts,
                              broken.amount_sentences)
    with pytest.raises(sa.exc.DBAPIError, match="CHECK constraint"):
        load.load_batch(engine, sample_batch(sample_articles, [sample_extractions[0], broken]))
    for table in ("articles", "mentions", "amounts", "entities", "deliveries", "source_files"):
        assert scalar(engine, f"select count(*) from {table}") == 0, table


def test_offsets_in_the_warehouse_point_into_the_body(loaded):
    bad = rows(loaded, """
        select m.text, substring(a.body, m.start_char + 1, m.end_char - m.start_char)
        from mentions m join articles a using (article_id)
        where substring(a.body, m.start_char + 1, m.end_char - m.start_char) <> m.text
        union all
        select n.text, substring(a.body, n.start_char + 1, n.end_char - n.start_char)
        from amounts n join articles a using (article_id)
        where substring(a.body, n.start_char + 1, n.end_char - n.start_char) <> n.text""")
    assert bad == []


def test_every_fact_lies_in_its_stored_sentence_and_sentences_tile_the_body(loaded):
    outside = rows(loaded, """
        select f.article_id, f.start_char from (
            select article_id, sentence_no, start_char, end_char from mentions
            union all select article_id, sentence_no, start_char, end_char from amounts) f
        left join article_sentences s using (article_id, sentence_no)
        where s.article_id is null or f.start_char < s.start_char or f.end_char > s.end_char""")
    assert outside == []
    # In order, not overlapping, nothing but whitespace between two sentences.
    gaps = rows(loaded, """
        select s.article_id, s.sentence_no from article_sentences s join articles a using (article_id)
        join article_sentences t on t.article_id = s.article_id and t.sentence_no = s.sentence_no + 1
        where t.start_char < s.end_char or trim(substring(a.body, s.end_char + 1, t.start_char - s.end_char),
                                                 ' \n\t') <> ''""")
    assert gaps == [] and scalar(loaded, "select count(*) from article_sentences") > 10
    sentence, outlet = rows(loaded, """select sentence, outlet from amounts_in_context
                                     where text like 'casi 30.000 millones de dólares' limit 1""")[0]
    assert "casi 30.000 millones de dólares" in sentence and sentence.endswith(".") and len(sentence) < 400


def test_keys_are_unique_and_references_resolve(loaded):
    assert scalar(loaded, "select count(*) - count(distinct entity_key) from entities") == 0
    assert scalar(loaded, "select count(*) from mentions m anti join entities e using (entity_id)") == 0
    assert scalar(loaded, "select count(*) from amounts n anti join articles a using (article_id)") == 0
    assert scalar(loaded, "select count(*) from entities e anti join mentions m using (entity_id)") == 0
    # Story tables without enforced keys (migration 016): one sketch per article, one row per
    # paragraph, every row of an article.
    assert rows(loaded, "select count(*), count(distinct article_id) from article_sketches") == [(2, 2)]
    assert scalar(loaded, "select count(*) - count(distinct (article_id, paragraph_no)) from article_paragraphs") == 0
    for table in ("article_sketches", "article_paragraphs", "story_keys"):
        assert scalar(loaded, f"select count(*) from {table} anti join articles using (article_id)") == 0, table


def test_entity_stats_count_mentions_and_dates(loaded):
    name, label, code, mentions, articles, first, last = rows(loaded, """
        select name, label, country_code, mention_count, article_count, first_seen, last_seen
        from entities where entity_key = 'kazajistan'""")[0]
    assert (name, label, code, articles) == ("Kazajistán", "LOC", "KZ", 2)
    assert mentions == scalar(loaded, "select count(*) from mentions m join entities e using (entity_id) "
                                      "where e.entity_key = 'kazajistan'")
    assert str(first) == str(last) == "2025-11-11"


def test_accepted_values(loaded):
    assert {r[0] for r in rows(loaded, "select distinct label from mentions")} <= {"PER", "ORG", "LOC", "MISC"}
    assert {r[0] for r in rows(loaded, "select distinct kind from amounts")} <= {"money", "percent", "quantity", "count"}
    assert scalar(loaded, "select count(*) from amounts where kind = 'money' and unit not in "
                          "(select code from ref_currencies)") == 0


EXPECTED_VIEWS = {
    "article_overview": {"article_id", "published_date", "title", "mentions", "amounts", "deliveries"},
    "entity_mentions_by_day": {"published_date", "entity_id", "name", "label", "mentions", "articles"},
    "top_entities_by_type": {"label", "rank_in_type", "name", "mention_count"},
    "entity_cooccurrence": {"name_a", "name_b", "articles_together"},
    "amounts_in_context": {"article_id", "published_date", "text", "value", "unit", "sentence_entities"},
    "amount_entities": {"article_id", "amount_no", "kind", "value", "unit", "entity_name", "entity_label"},
    "recent_runs": {"run_id", "status", "seconds"},
    "stories": {"story_id", "articles", "first_published", "first_title", "article_ids", "titles"},
    "story_amounts": {"story_id", "paragraph_identity", "kind", "value", "unit", "text", "articles"},
    "story_amount_entities": {"story_id", "paragraph_identity", "value", "unit", "entity_name", "articles"},
    "story_entity_mentions_by_day": {"published_date", "entity_id", "name", "statements", "stories"},
    "story_money": {"story_id", "first_title", "figures", "total_eur", "total_usd", "figures_without_rate"},
    "story_money_by_entity": {"entity_id", "entity_name", "figures", "stories", "total_eur", "total_usd",
                              "figures_without_rate"},
    "place_mentions": {"article_id", "text", "place_id", "kind", "place_name", "country_code", "latitude",
                       "longitude", "place_how"},
    "place_entities": {"entity_id", "entity", "place_id", "kind", "place", "country_code", "admin1_name", "geonameid",
                       "latitude", "longitude", "mentions", "how", "share"},
    "story_country_mentions_by_day": {"published_date", "country_code", "country", "statements", "stories"},
    "entity_places": {"entity_id", "entity", "place_id", "place", "kind", "country_code", "stories", "articles",
                      "same_paragraph_statements"},
    "story_amounts_by_country": {"story_id", "kind", "value", "unit", "country_code", "country_how"},
    "story_figures_by_country": {"country_code", "country", "kind", "unit", "figures", "stories", "total_eur"},
}


def test_every_view_file_is_documented_here_and_queryable(loaded):
    assert {p.stem for p in db.view_files()} == set(EXPECTED_VIEWS)
    for view, columns in EXPECTED_VIEWS.items():
        with loaded.connect() as conn:
            result = conn.exec_driver_sql(f"select * from {view}")
            assert columns <= set(result.keys()), view
            if view != "recent_runs":
                assert result.fetchall(), f"{view} is empty after loading the samples"


def test_views_answer_analyst_questions(loaded):
    assert rows(loaded, "select count(*), sum(mentions) > 0 from article_overview") == [(2, True)]
    assert scalar(loaded, "select name from top_entities_by_type where label = 'PER' and rank_in_type = 1") \
        in {"Vladímir Putin", "Tokáyev", "Kasim-Yomart Tokáyev"}
    assert scalar(loaded, "select articles_together from entity_cooccurrence where (name_a, name_b) "
                          "in (('Rusia', 'Kazajistán'), ('Kazajistán', 'Rusia'))") == 2
    context = rows(loaded, "select sentence_entities from amounts_in_context where text like '%30.000 millones%'")
    assert context and all("Rusia" in entities for (entities,) in context)
    def money_with(name):
        return rows(loaded, "select distinct value, unit from amount_entities "
                            f"where entity_name = '{name}' and kind = 'money' order by 1")
    assert (Decimal("30000000000"), "USD") in money_with("Rusia")
    assert money_with("Kazajistán") == [(Decimal("17000000000"), "USD")]


def test_reader_connection_cannot_write(loaded, tmp_path):
    path = loaded.url.database
    loaded.dispose()
    reader = db.connect(path, read_only=True)
    with pytest.raises(sa.exc.DBAPIError, match="read-only"):
        with reader.begin() as conn:
            conn.exec_driver_sql("delete from articles")
    reader.dispose()


def test_missing_directory_is_a_clear_user_error(tmp_path):
    with pytest.raises(db.WarehouseError, match="directory .* does not exist"):
        db.connect(tmp_path / "no" / "w.duckdb")


def test_reader_while_another_process_writes_gets_a_clear_error(warehouse_held_by_another_process):
    with pytest.raises(db.WarehouseError, match="in use by another process"):
        db.connect(warehouse_held_by_another_process, read_only=True)


def test_an_empty_duckdb_file_is_not_a_warehouse_for_readers(tmp_path):
    path = tmp_path / "empty.duckdb"
    db.connect(path).dispose()   # a file DuckDB created, with no schema in it
    with pytest.raises(db.WarehouseError, match="has no warehouse tables yet"):
        db.connect(path, read_only=True)


def test_a_bare_name_shows_that_view_looked_up_not_formatted_into_sql(engine):
    from warehouse.storage.reports import run_query

    columns, _ = run_query(engine, "ARTICLE_OVERVIEW;")
    assert columns[:3] == ["article_id", "published_date", "title"]
    assert run_query(engine, "select 1 as one;") == (["one"], [(1,)])
    with pytest.raises(LookupError, match="no table or view named 'no_such_view'"):
        run_query(engine, "no_such_view")


def test_the_two_samples_are_one_story_and_the_second_names_the_first_as_closest(loaded):
    (story, articles, first_title), = rows(loaded, "select story_id, articles, first_title from stories")
    assert articles == 2 and first_title.startswith("Putin y Tokáyev")
    first, second = rows(loaded, "select article_id, story_id, closest_article_id, story_similarity "
                                 "from articles order by source_path")
    assert first == (story, story, None, None)
    assert second[1:3] == (story, story) and 0.3 <= second[3] <= 1


@pytest.mark.parametrize("value", [Decimal("30000000000"), Decimal("4000000000")])
def test_a_figure_both_samples_report_counts_once_per_story_and_twice_per_article(loaded, value):
    per_article = rows(loaded, f"select article_id from amounts_in_context where unit = 'USD' and value = {value}")
    per_story = rows(loaded, f"select articles from story_amounts where unit = 'USD' and value = {value}")
    assert len(per_article) == 2 and len({r[0] for r in per_article}) == 2
    assert per_story == [(2,)]


def test_every_fact_knows_its_paragraph_and_lies_inside_it(loaded):
    for table in ("mentions", "amounts"):
        assert scalar(loaded, f"select count(*) from {table} where paragraph_no is null") == 0, table
        assert scalar(loaded, f"""
            select count(*) from {table} as f
            join article_paragraphs as p on p.article_id = f.article_id and p.paragraph_no = f.paragraph_no
            where f.start_char < p.start_char or f.end_char > p.end_char""") == 0, table


def test_a_paragraph_both_samples_carry_has_one_identity(loaded):
    shared = scalar(loaded, """
        select count(*) from (select paragraph_identity from article_paragraphs
                              group by paragraph_identity having count(distinct article_id) = 2)""")
    assert shared >= 3


def test_mentions_in_repeated_paragraphs_count_once_per_story(loaded):
    per_article, per_story = rows(loaded, """
        select (select sum(articles) from entity_mentions_by_day where name = 'Rosatom'),
               (select sum(statements) from story_entity_mentions_by_day where name = 'Rosatom')""")[0]
    assert per_story < per_article


def test_placing_a_loaded_batch_again_changes_nothing(engine, sample_articles, sample_extractions):
    loaded = load.load_batch(engine, sample_batch(sample_articles, sample_extractions))
    assert set(loaded.article_ids) == {a.article_id for a in sample_articles}
    # In arrival order, whatever the order of the ids and however many pages: the second sample
    # joins the first (placed first, it would start the story and the first would join it).
    later_first = sorted(loaded.article_ids, key=lambda i: i != sample_articles[1].article_id)
    assert placement.place_articles(engine, later_first, page_articles=1) == placement.StoriesPlaced(2, 1)
    assert rows(engine, "select article_id = story_id, closest_article_id is null from articles order by source_path") \
        == [(True, True), (False, False)]
    assert placement.place_articles(engine, loaded.article_ids) == placement.StoriesPlaced(0, 0)
    assert rows(engine, "select count(*), count(distinct story_id) from articles") == [(2, 1)]
    assert load.load_batch(engine, sample_batch(sample_articles, sample_extractions)).article_ids == ()


def test_placing_stories_again_changes_nothing(loaded):
    before = rows(loaded, "select article_id, story_id, closest_article_id from articles order by 1")
    keys = scalar(loaded, "select count(*) from story_keys")
    assert placement.place_pending_stories(loaded) == placement.StoriesPlaced(0, 0)
    assert rows(loaded, "select article_id, story_id, closest_article_id from articles order by 1") == before
    assert scalar(loaded, "select count(*) from story_keys") == keys


def test_a_containment_threshold_above_the_samples_keeps_them_apart(engine, sample_articles, sample_extractions):
    from warehouse.stories.settings import StorySettings

    load.load_batch(engine, sample_batch(sample_articles, sample_extractions))
    placement.place_pending_stories(engine, StorySettings(min_containment=0.6))   # samples: 0.49
    db.refresh_views(engine)
    assert scalar(engine, "select count(distinct story_id) from articles") == 2


def test_equal_figures_in_one_paragraph_are_two_statements(engine, nlp):
    from warehouse.reading.articles import make_article

    article = make_article(title="Empresa conjunta", published=None, source_path="x.txt", position=0,
                           body="La empresa será de Cove Capital en un 50 % y de Tau-Ken Samruk en un 50 %.\n\n"
                                "El Gobierno invertirá 200 millones de dólares en la mina y otros 200 millones "
                                "de dólares en una planta.")
    extraction = list(extract_texts([(article.article_id, article.body)], nlp=nlp))
    load.load_batch(engine, sample_batch([article], extraction, deliveries=[], files=[]))
    placement.place_pending_stories(engine)
    db.refresh_views(engine)
    assert scalar(engine, "select count(*) from amounts") == 4
    assert rows(engine, "select value, unit, occurrence, articles from story_amounts order by value, occurrence") == [
        (Decimal("50"), "%", 1, 1), (Decimal("50"), "%", 2, 1),
        (Decimal("200000000"), "USD", 1, 1), (Decimal("200000000"), "USD", 2, 1)]
    assert scalar(engine, "select sum(value) from story_amounts where unit = 'USD'") == Decimal("400000000")


@pytest.mark.parametrize("first_date, second_date, one_story", [
    ("2025-11-11", "2025-11-18", True),     # 7 days later: still the story
    ("2025-11-11", "2025-11-04", True),     # 7 days earlier (sent late)
    ("2025-11-11", "2025-11-19", False),    # 8 days: never one story, not even looked up
    ("2025-11-11", None, True),             # an undated article is compared with every date
    (None, "2026-03-01", True),             # and undated earlier articles are found by dated ones
])
def test_earlier_articles_are_looked_up_within_the_story_window(engine, sample_articles, sample_extractions,
                                                                first_date, second_date, one_story):
    from dataclasses import replace
    from datetime import date

    dated = [replace(article, published=date.fromisoformat(when) if when else None)
             for article, when in zip(sample_articles, (first_date, second_date))]
    for article, extraction in zip(dated, sample_extractions):   # one run each: the first is stored
        load.load_batch(engine, sample_batch([article], [extraction], deliveries=[], files=[]))
        placement.place_pending_stories(engine)
        db.refresh_views(engine)
    assert (scalar(engine, "select count(distinct story_id) from articles") == 1) is one_story


def test_the_key_lookup_reads_only_articles_published_within_the_page_window(engine, sample_articles, sample_extractions):
    from dataclasses import replace
    from datetime import date

    from warehouse.stories.sketches import sketch, story_keys

    first = replace(sample_articles[0], published=date(2025, 11, 11))
    load.load_batch(engine, sample_batch([first], sample_extractions[:1], deliveries=[], files=[]))
    placement.place_pending_stories(engine)
    db.refresh_views(engine)
    new = sketch("new", sample_articles[1].body)
    keys = [placement.lookup_key(key) for key in story_keys(new.signature, new.distinctive_paragraphs)]

    def found(*page_dates):
        page = [(f"p{n}", "", when) for n, when in enumerate(page_dates)]
        with engine.begin() as conn:
            return placement.candidate_ids(conn, keys, placement.candidate_dates(page, StorySettings()))

    assert found(date(2025, 11, 18)) == [first.article_id]
    assert found(date(2025, 11, 19)) == []                              # 8 days: not even read
    assert found(date(2025, 11, 19), date(2025, 10, 1)) == [first.article_id]   # a page spanning it
    assert found(date(2025, 11, 19), None) == [first.article_id]       # an undated one: every date


def test_re_extracted_facts_know_their_paragraph_when_stored(loaded, sample_articles, sample_extractions):
    before = rows(loaded, "select article_id, mention_no, paragraph_no from mentions order by 1, 2")
    load.replace_extractions(loaded, version="v-next", extractions=list(sample_extractions),
                             bodies={a.article_id: a.body for a in sample_articles})
    # No paragraph step after it: the swap itself stores each fact's paragraph.
    assert rows(loaded, "select article_id, mention_no, paragraph_no from mentions order by 1, 2") == before
    assert scalar(loaded, "select count(*) from amounts where paragraph_no is null") == 0


def test_entities_are_joined_across_articles_and_named_by_their_usual_spelling(engine, nlp):
    from warehouse.reading.articles import Article

    texts = [
        "La Federación Internacional de Fútbol Asociación (FIFA) sancionó al club. Después, Rusia firmó el acuerdo.",
        "La FIFA anunció la sede. Peña Nieto viajó a Queretaro con su equipo.",
        "Enrique Peña Nieto llegó a Querétaro el lunes. En Querétaro llovió y en Rusia nevó.",
        "El candidato José Antonio Meade Kuribreña habló en el mitin.",
        "El candidato José Antonio Meade visitó la ciudad.",
        "El presidente Donald Trump habló con su hijo Donald Trump Jr ayer.",
        "El actor Quique San Francisco falleció ayer en Madrid.",
        "El pintor Francisco Toledo expuso en Oaxaca.",
        "El papa Francisco habló en Roma.",
        "Melania Trump visitó un hospital en Washington.",
        *[f"El presidente Donald Trump firmó el decreto número {n} en Washington." for n in range(5)],
        "Trump volvió a criticar a la prensa.",
        "Meade respondió a sus críticos.",
        "La Universidad de Harvard publicó un estudio sobre el clima.",
        "Un estudio de la Universidad de Harvard llegó a otra conclusión.",
        "La Universidad Harvard respondió a las críticas.",
    ]
    articles = [Article(f"article-{i}", None, text, None, None, None, "crafted.jsonl", i) for i, text in enumerate(texts)]
    extractions = list(extract_texts(((a.article_id, a.body) for a in articles), nlp=nlp))
    load.load_batch(engine, sample_batch(articles, extractions))
    load.refresh_entity_stats(engine)

    def entity_of(article, text):
        return scalar(engine, f"select e.name from mentions m join entities e using (entity_id) "
                              f"where m.article_id = 'article-{article}' and m.text = '{text}'")
    assert entity_of(1, "FIFA") == entity_of(0, "FIFA") == "Federación Internacional de Fútbol Asociación"
    assert entity_of(1, "Peña Nieto") == "Enrique Peña Nieto"
    assert entity_of(1, "Queretaro") == "Querétaro"          # two accented spellings against one
    assert entity_of(4, "José Antonio Meade") == "José Antonio Meade Kuribreña"   # begins one longer name
    assert entity_of(5, "Donald Trump") == "Donald Trump"   # `Jr` is his son
    assert entity_of(8, "Francisco") == "Francisco"   # a given name (`Francisco Toledo`), not a surname
    assert entity_of(15, "Trump") == "Donald Trump"   # six articles against Melania Trump's one
    assert entity_of(16, "Meade") == "José Antonio Meade Kuribreña"   # via `José Antonio Meade`: links chain
    assert entity_of(19, "Universidad Harvard") == "Universidad de Harvard"   # with and without `de`
    assert scalar(engine, "select label from entities where name = 'Rusia'") == "LOC"   # ORG and LOC mentions


def test_money_is_stored_in_euros_and_dollars_at_the_article_date(engine, nlp):
    # By hand: 80,000 million pesetas / 166.386 (the legal rate) = 480,809,683.507026 euros, and
    # x 1.192 (ECB dollars per euro on 2021-03-15) = 573,125,142.740375 dollars; 100 dollars on
    # 2020-01-06 (1.1194 dollars per euro) = 89.333572 euros.
    from datetime import date

    from warehouse.reading.articles import make_article

    peseta = make_article(title="Deuda", published=date(2021, 3, 15), source_path="x.txt", position=0,
                          body="La deuda histórica era de 80.000 millones de pesetas, según el Banco de España.")
    dollar = make_article(title="Pago", published=date(2020, 1, 6), source_path="x.txt", position=1,
                          body="La empresa pagó 100 dólares por cada tonelada y 100 dólares de multa.")
    undated = make_article(title="Sin fecha", published=None, source_path="x.txt", position=2,
                           body="El proyecto costará 5.000 millones de pesos colombianos y 300 euros (unos "
                                "330 dólares).")
    articles = [peseta, dollar, undated]
    extractions = list(extract_texts([(a.article_id, a.body) for a in articles], nlp=nlp))
    load.load_batch(engine, sample_batch(articles, extractions, deliveries=[], files=[]))
    got = rows(engine, "select text, value_eur, value_usd, rate_date, rate_source, rate_note, rate_at_run_date, "
                       "per_value, per_unit from amounts order by article_id = "
                       f"'{peseta.article_id}' desc, article_id = '{dollar.article_id}' desc, amount_no")
    assert got[0] == ("80.000 millones de pesetas", Decimal("480809683.507026"), Decimal("573125142.740375"),
                      date(2021, 3, 15), "euro_fixed+ecb", None, False, None, None)
    assert got[1] == ("100 dólares", Decimal("89.333572"), Decimal("100"), date(2020, 1, 6), "ecb", None, False,
                      Decimal("1"), "tonelada")
    assert got[2][:5] == ("100 dólares", Decimal("89.333572"), Decimal("100"), date(2020, 1, 6), "ecb")
    cop, eur = got[3], got[4]
    assert cop[:3] == ("5.000 millones de pesos colombianos", None, None)
    assert "no ECB reference rate for COP" in cop[5] and "undated article" in cop[5] and cop[6] is True
    assert eur[1] == Decimal("300") and eur[6] is True and eur[3] is not None
    assert scalar(engine, "select count(*) from amounts where restates") == 1  # `(unos 330 dólares)`
    # Every money row has a euro value wherever a rate exists (here: all but the pesos).
    assert scalar(engine, "select count(*) from amounts where kind = 'money' and value_eur is null") == 1
    placement.place_pending_stories(engine)
    db.refresh_views(engine)
    # The per-story total leaves the rate (100 dólares por tonelada) and the conversion in
    # parentheses out, and counts the pesos apart.
    totals = rows(engine, "select total_eur, figures, figures_without_rate from story_money order by total_eur")
    assert (Decimal("89.333572"), 1, 0) in totals and (Decimal("480809683.507026"), 1, 0) in totals
    assert (Decimal("300"), 2, 1) in totals


def test_a_rate_is_stored_with_its_denominator_and_not_as_a_count_of_it(engine, nlp):
    from warehouse.reading.articles import make_article

    article = make_article(title="Incidencia", published=None, source_path="x.txt", position=0,
                           body="La región superó los 284 casos por 100.000 habitantes y 9 fallecidos por millón.")
    extraction = list(extract_texts([(article.article_id, article.body)], nlp=nlp))
    load.load_batch(engine, sample_batch([article], extraction, deliveries=[], files=[]))
    assert rows(engine, "select text, kind, value, per_value, per_unit from amounts order by amount_no") == [
        ("284 casos", "count", Decimal("284"), Decimal("100000"), "habitantes"),
        ("9 fallecidos", "count", Decimal("9"), Decimal("1000000"), None)]


def test_places_are_stored_with_coordinates_and_both_samples_are_filed_from_russia(loaded):
    # Moscú is Moscow (RU) about 55.75 N 37.62 E; the copy whose scrape lost its dateline takes
    # its story's (issue 19).
    assert rows(loaded, "select distinct kind, country_code, round(latitude, 2), round(longitude, 2) "
                        "from place_mentions where text = 'Moscú'") == [("city", "RU", 55.75, 37.62)]
    assert rows(loaded, "select distinct country_code from place_mentions where text = 'Kazajistán'") == [("KZ",)]
    assert sorted(rows(loaded, "select country_code, country_source from articles")) == [
        ("RU", "dateline"), ("RU", "story")]
    # Every place a mention points at is stored once; unresolved LOC mentions say why.
    assert scalar(loaded, "select count(*) from mentions where place_id is not null "
                          "and place_id not in (select place_id from places)") == 0
    assert scalar(loaded, "select count(*) from mentions where label = 'LOC' and place_how is null") == 0
    # The per-country view counts a paragraph the two copies share once.
    ru = scalar(loaded, "select sum(statements) from story_country_mentions_by_day where country_code = 'RU'")
    per_article = scalar(loaded, "select count(distinct (m.article_id, m.paragraph_no)) from mentions m "
                                 "join places p using (place_id) where p.country_code = 'RU'")
    assert 0 < ru < per_article


def test_a_reprocess_keeps_a_storys_dateline_country(loaded, sample_articles, sample_extractions):
    load.replace_extractions(loaded, version="v-next", extractions=list(sample_extractions),
                             bodies={a.article_id: a.body for a in sample_articles})
    assert sorted(rows(loaded, "select country_code, country_source from articles")) == [
        ("RU", "dateline"), ("RU", "story")]

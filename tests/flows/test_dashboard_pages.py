"""The dashboard's pages without a browser (Streamlit's AppTest runs the real script), on a
warehouse loaded by a real `news-warehouse run` from the samples and a corpus sample; the
expected values are read from the same snapshot the dashboard reads."""

import shutil
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from cli_process import cli
from streamlit.testing.v1 import AppTest

from warehouse.config import settings_from
from warehouse.dashboard.source import STATE_REUSE_SECONDS, Reader, StateChanged
from warehouse.storage import db, snapshots

pytestmark = pytest.mark.slow

PAGES = {"overview": "Overview", "entities": "Entities", "figures": "Figures", "map": "Map",
         "stories": "Stories", "search": "Search", "article": None}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, sample_inbox):
    inbox = tmp_path_factory.mktemp("dashboard_inbox")
    for path in sample_inbox.glob("*.txt"):
        shutil.copy(path, inbox)
    shutil.copy(Path(__file__).parents[1] / "data" / "corpus_sample.jsonl", inbox)
    db_path = tmp_path_factory.mktemp("dashboard") / "w.duckdb"
    result = cli("run", "--inbox", str(inbox), "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    return db_path


def one(db_path, sql, *parameters):
    engine = db.connect(snapshots.snapshot_path(db_path), read_only=True)
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql(sql, parameters or None).fetchall()
    finally:
        engine.dispose()


@pytest.fixture
def open_page(loaded, monkeypatch):
    monkeypatch.setenv("NEWS_WAREHOUSE_DB", str(loaded))

    def open_page(name, **query):
        page = AppTest.from_string(f"from warehouse.dashboard.app import main\nmain({name!r})", default_timeout=60)
        page.query_params.update(query)
        page.run()
        assert not page.exception, [e.value for e in page.exception]
        return page
    return open_page


def rerun(page_or_widget):
    """Run the page again (after a widget changed: `widget.run()` runs its page)."""
    page = page_or_widget.run()
    assert not page.exception, [e.value for e in page.exception]
    return page


def entity_id(db_path, name):
    return one(db_path, "select entity_id from entities where name = ?", name)[0][0]


@pytest.mark.parametrize("name", PAGES)
def test_every_page_draws_without_an_error(open_page, name):
    page = open_page(name)
    assert [t.value for t in page.title] == ([PAGES[name]] if PAGES[name] else [])


def test_the_overview_counts_what_the_snapshot_holds(open_page, loaded):
    page = open_page("overview")
    (articles, figures), = one(loaded, "select (select count(*) from articles), (select count(*) from amounts)")
    metrics = {m.label: m.value for m in page.metric}
    assert metrics["Articles"] == str(articles) and metrics["Figures"] == str(figures) and articles > 20
    assert page.get("vega_lite_chart"), "no articles-per-day chart"
    runs = page.dataframe[1].value
    assert list(runs["status"]) == ["completed"] and int(runs["articles_loaded"].iloc[0]) == articles


def test_entity_search_ignores_accents_and_case_and_filters_by_type(open_page):
    page = open_page("entities")
    rerun(page.text_input(key="entity_text").input("MOSCU"))
    assert "Moscú" in list(page.dataframe[0].value["name"])
    rerun(page.text_input(key="entity_text").input("putín"))
    assert "Vladímir Putin" in list(page.dataframe[0].value["name"])
    rerun(page.text_input(key="entity_text").input(""))
    every = page.dataframe[0].value
    rerun(page.selectbox(key="entity_label").select("LOC"))
    places = page.dataframe[0].value
    assert set(places["label"]) == {"LOC"} and set(every["label"]) > {"LOC"}


def test_an_entity_shows_its_statements_companions_and_articles_with_snippets(open_page, loaded):
    putin = entity_id(loaded, "Vladímir Putin")
    page = open_page("entities", entity=putin)
    assert [h.value for h in page.header] == ["Vladímir Putin"]
    assert {"Statements per day", "Appears with", "Articles"} <= {s.value for s in page.subheader}
    articles = {r[0] for r in one(loaded, "select distinct article_id from mentions where entity_id = ?", putin)}
    links = [link.proto for link in page.get("page_link")]
    assert {link.query_string.removeprefix("id=") for link in links if link.page == "article"} == articles
    snippets = [m.value for m in page.markdown if m.value.startswith("> …")]
    assert snippets and all("**Putin**" in s or "**Vladímir Putin**" in s for s in snippets)


def test_a_place_entity_is_drawn_on_the_map(open_page, loaded):
    page = open_page("entities", entity=entity_id(loaded, "Moscú"))
    assert "On the map" in [s.value for s in page.subheader]
    places = page.dataframe[-1].value
    assert list(places["place"])[0] == "Moscow" and list(places["country_code"])[0] == "RU"


def test_figures_filters_change_the_rows(open_page, loaded):
    page = open_page("figures")
    every = page.dataframe[0].value
    assert "30.000.000.000 USD" in set(every["figure"])
    rerun(page.selectbox(key="figure_kind").select("money"))
    money = page.dataframe[0].value
    assert set(money["kind"]) == {"money"} and len(money) < len(every)
    rerun(page.selectbox(key="figure_unit").select("USD"))
    dollars = page.dataframe[0].value
    assert all(f.endswith(" USD") for f in dollars["figure"]) and 0 < len(dollars) <= len(money)
    metrics = {m.label: m.value for m in page.metric}
    expected = one(loaded, "select count(*) from amounts where kind = 'money' and unit = 'USD'")[0][0]
    assert metrics["Figures matching"] == str(expected) and metrics["Money in euros, per article"].endswith(" €")
    rerun(page.text_input(key="figure_entity").input("Kazajistán"))
    with_entity = page.dataframe[0].value
    assert 0 < len(with_entity) <= len(dollars)
    rerun(page.text_input(key="figure_entity").input("kazajistan"))   # accents and case ignored
    assert len(page.dataframe[0].value) == len(with_entity)
    rerun(page.text_input(key="figure_entity").input(""))
    rerun(page.selectbox(key="figure_kind").select(""))
    rerun(page.selectbox(key="figure_unit").select(""))
    rerun(page.date_input(key="figure_dates").set_value((date(2025, 11, 11), date(2025, 11, 11))))
    dated = one(loaded, "select count(*) from amounts join articles using (article_id) "
                        "where published_date = date '2025-11-11'")[0][0]
    assert 0 < dated < len(every)   # the corpus sample's undated articles are left out
    assert {m.label: m.value for m in page.metric}["Figures matching"] == str(dated)
    rerun(page.date_input(key="figure_dates").set_value((date(2030, 1, 1), date(2030, 12, 31))))
    assert {m.label: m.value for m in page.metric}["Figures matching"] == "0"
    assert page.get("vega_lite_chart"), "no money-by-entity chart"


def test_the_map_shades_countries_and_lists_cities(open_page, loaded):
    page = open_page("map")
    countries, cities = page.dataframe[0].value, page.dataframe[1].value
    assert {"RU", "KZ"} <= set(countries["country_code"]) and "Moscow" in set(cities["city"])
    assert countries["country"].notna().all()   # named even when only its cities were
    assert page.get("vega_lite_chart")


def test_a_story_shows_its_articles_and_its_figures_once(open_page, loaded):
    page = open_page("stories")
    stories = page.dataframe[0].value
    (story_id, size), = one(loaded, "select story_id, articles from stories where articles > 1 "
                                    "order by articles desc, story_id limit 1")
    assert len(stories) == one(loaded, "select count(*) from stories where articles > 1")[0][0]
    page = open_page("stories", story=story_id)
    links = [link.proto for link in page.get("page_link") if link.proto.page == "article"]
    assert len(links) == size
    statements = page.dataframe[-1].value
    assert len(statements) == one(loaded, "select count(*) from story_amounts where story_id = ?", story_id)[0][0]


def test_search_marks_the_words_found(open_page):
    page = open_page("search")
    rerun(page.text_input(key="search_text").input("tokayev kremlin"))
    hits = [m.value for m in page.markdown if "**" in m.value]
    assert hits and all("**tokáyev**" in h.lower() or "**kremlin**" in h.lower() for h in hits)
    rerun(page.text_input(key="search_text").input("de la"))
    assert any("function word" in w.value for w in page.warning)


def test_an_article_marks_its_entities_and_figures_and_links_them(open_page, loaded):
    article_id, title = one(loaded, "select article_id, title from articles where body like '%30.000 millones%' "
                                    "and title is not null")[0]
    page = open_page("article", id=article_id)
    assert [t.value for t in page.title] == [title]
    body = "".join(h.proto.body for h in page.get("html"))
    assert 'title="PER: Vladímir Putin">Vladímir Putin</mark>' in body
    assert ">casi 30.000 millones de dólares</mark>" in body
    entity_links = [link.proto for link in page.get("page_link") if link.proto.page == "entities"]
    assert f"entity={entity_id(loaded, 'Vladímir Putin')}" in {link.query_string for link in entity_links}
    missing = open_page("article", id="no-such-article")
    assert any("No article with that id" in w.value for w in missing.warning)


def test_with_nothing_published_the_pages_say_how_to_load(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_WAREHOUSE_DB", str(tmp_path / "new.duckdb"))
    page = AppTest.from_string("from warehouse.dashboard.app import main\nmain('overview')", default_timeout=60)
    page.run()
    assert not page.exception and any("Nothing to show yet" in w.value for w in page.warning)


def test_the_reader_moves_to_each_newly_published_state_and_never_mixes_two(loaded, tmp_path):
    db_path = tmp_path / "w.duckdb"
    shutil.copy(loaded, db_path)
    shutil.copy(snapshots.snapshot_path(loaded), snapshots.snapshot_path(db_path))
    reader = Reader(db_path)
    try:
        before = reader.state()
        articles = int(reader.query(before, "overview_counts")["articles"].iloc[0])
        victim = one(db_path, "select article_id from articles order by article_id limit 1")[0][0]
        result = cli("delete", "--article", victim, "--reason", "test", "--db", str(db_path))
        assert result.returncode == 0, result.stderr
        after = reader.state()
        assert after != before
        # A page still drawn from the old state reads it whole until the reader moves on ...
        assert int(reader.query(before, "overview_counts")["articles"].iloc[0]) == articles
        assert int(reader.query(after, "overview_counts")["articles"].iloc[0]) == articles - 1
        with pytest.raises(StateChanged):   # ... and then starts over on the new one
            reader.query(before, "overview_counts")
    finally:
        reader.close()


def test_the_pages_draw_from_a_ducklake_and_follow_its_publications(loaded, tmp_path, monkeypatch, sample_inbox):
    lake = f"ducklake:sqlite:{tmp_path / 'lake.sqlite'}"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first = sorted(sample_inbox.glob("*.txt"))[0]
    shutil.copy(first, inbox)
    assert cli("run", "--inbox", str(inbox), "--db", lake).returncode == 0
    monkeypatch.setenv("NEWS_WAREHOUSE_DB", lake)
    pages = {}
    for name in ("overview", "entities", "figures", "map", "stories", "search"):
        pages[name] = AppTest.from_string(f"from warehouse.dashboard.app import main\nmain({name!r})",
                                          default_timeout=60).run()
        assert not pages[name].exception, (name, [e.value for e in pages[name].exception])
    assert {m.label: m.value for m in pages["overview"].metric}["Articles"] == "1"
    assert "30.000.000.000 USD" in set(pages["figures"].dataframe[0].value["figure"])
    shutil.copy(Path(__file__).parents[1] / "data" / "corpus_sample.jsonl", inbox)
    assert cli("run", "--inbox", str(inbox), "--db", lake).returncode == 0
    expected = one(loaded, "select count(*) from articles")[0][0] - 1   # the samples' other article is absent
    assert {m.label: m.value for m in rerun(pages["overview"]).metric}["Articles"] == str(expected)


def test_a_lake_reader_reads_its_state_on_every_thread_after_a_newer_one_is_published(tmp_path, sample_inbox):
    """Streamlit draws each run of a page on a thread of its own, and each thread gets its own
    connection: every one must attach at the state's snapshot, not at whatever is published then."""
    lake = f"ducklake:sqlite:{tmp_path / 'lake.sqlite'}"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(sorted(sample_inbox.glob("*.txt"))[0], inbox)
    assert cli("run", "--inbox", str(inbox), "--db", lake).returncode == 0
    reader = Reader(settings_from(db=lake).db_path)
    try:
        first = reader.state()
        assert int(reader.query(first, "overview_counts")["articles"].iloc[0]) == 1
        shutil.copy(sorted(sample_inbox.glob("*.txt"))[1], inbox)
        assert cli("run", "--inbox", str(inbox), "--db", lake).returncode == 0
        answers = []
        thread = threading.Thread(target=lambda: answers.append(reader.query(first, "overview_counts")))
        thread.start()
        thread.join()
        assert int(answers[0]["articles"].iloc[0]) == 1
        time.sleep(STATE_REUSE_SECONDS)
        assert int(reader.query(reader.state(), "overview_counts")["articles"].iloc[0]) == 2
    finally:
        reader.close()

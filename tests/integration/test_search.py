"""Full-text search on a real DuckDB file: the index a run keeps, the SQL macro's BM25 ranking
(checked against the formula computed here from the texts), filters and one result per story."""

import math
from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from warehouse.extraction.extract import Extraction
from warehouse.extraction.version import current_extractor_version
from warehouse.reading.articles import parse_raw_text
from warehouse.search import index, results
from warehouse.search.terms import document_terms, stem
from warehouse.storage import db, load
from warehouse.stories import placement

TEXTS = {
    "gas.txt": ("date 2025-11-12 Rusia y Kazajistán firman un acuerdo de gas\n\n"
                "Moscú, 12 nov (EFE).- Rusia y Kazajistán firmaron hoy un acuerdo para llevar gas ruso a "
                "Asia Central. El gas llegará por un gasoducto nuevo desde 2027, dijo el Kremlin.\n"),
    "gas_again.txt": ("date 2025-11-12 Rusia y Kazajistán firman un acuerdo de gas\n\n"
                      "Moscú, 12 nov (EFE).- Rusia y Kazajistán firmaron hoy un acuerdo para llevar gas ruso "
                      "a Asia Central. El gas llegará por un gasoducto nuevo desde 2027, dijo el Kremlin.\n\n"
                      "El acuerdo se firmó en presencia de los dos presidentes.\n"),
    "rusos.txt": ("date 2025-10-01 Turistas en la costa\n\n"
                  "Madrid, 1 oct (EFE).- Los turistas rusos y alemanes llenaron las playas del sur este "
                  "verano, con hoteles completos en toda la costa y precios más altos que el año pasado.\n"),
    "futbol.txt": ("date 2025-09-05 El Real Madrid gana en Vigo\n\n"
                   "Vigo, 5 sep (EFE).- El Real Madrid ganó por dos goles a uno al Celta en Balaídos.\n"),
    "pena.txt": ("date 2025-08-01 La pena de un año\n\n"
                 "Lima, 1 ago (EFE).- El juez le dé una pena de un año; su ano no tiene nada que ver. "
                 "Se cortó la uña.\n"),
    "peña.txt": ("date 2025-08-02 La Peña viaja a EE.UU. hoy\n\n"
                 "Lima, 2 ago (EFE).- La peña flamenca viajó a EE.UU. esta semana.\n"),
}


def load_texts(engine, texts):
    articles = []
    for name, text in texts.items():
        # Raw text files carry no outlet; JSONL records do (`outlet`).
        articles += [replace(a, outlet="Agencia EFE" if "gas" in name else None)
                     for a in parse_raw_text(text, name).articles]
    batch = load.LoadBatch(
        run_id="r1", extractor_version=current_extractor_version(), articles=articles,
        extractions=[Extraction(a.article_id, (), (), ()) for a in articles],
        deliveries=[load.Delivery(a.article_id, a.source_path, a.position, "h") for a in articles],
        files=[load.FileRecord(a.source_path, "h", 1, datetime(2025, 1, 1, tzinfo=timezone.utc),
                               "loaded", None, 1, 0) for a in articles])
    load.load_batch(engine, batch)
    placement.place_pending_stories(engine)
    db.refresh_views(engine)
    return {a.source_path: a for a in articles}


@pytest.fixture
def indexed(engine):
    articles = load_texts(engine, TEXTS)
    assert index.index_pending_articles(engine) == 6
    return engine, articles


def titles(hits):
    return [h.title for h in hits]


def test_the_index_is_kept_incrementally_and_covers_articles_loaded_before_it(indexed):
    engine, _ = indexed
    assert index.index_pending_articles(engine) == 0   # nothing new, nothing done
    load_texts(engine, {"otro.txt": "date 2025-11-13 Gas para Europa\n\nBruselas, 13 nov (EFE).- Más gas.\n"})
    assert index.index_pending_articles(engine, chunk=1) == 1
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from search_documents").scalar_one() == 7


def test_a_batch_is_indexed_by_its_ids_once_and_finishing_finds_nothing_left(engine):
    articles = load_texts(engine, TEXTS)
    batch = [articles["gas.txt"].article_id, articles["futbol.txt"].article_id, "no-such-article"]
    assert index.index_articles(engine, batch) == 2          # an id the warehouse lacks is skipped
    assert index.index_articles(engine, batch) == 0          # already indexed: nothing twice
    with engine.connect() as conn:
        indexed = {row[0] for row in conn.exec_driver_sql("select article_id from search_documents")}
        postings = conn.exec_driver_sql("select count(*) from search_postings").scalar_one()
    assert indexed == set(batch[:2])
    assert postings == sum(len(document_terms(articles[name].title, articles[name].body).counts)
                           for name in ("gas.txt", "futbol.txt"))
    assert index.index_pending_articles(engine) == 4         # the rest of the warehouse
    assert results.search(engine, "Balaídos")[0].title == "El Real Madrid gana en Vigo"


def test_bm25_in_sql_is_the_formula(indexed):
    engine, articles = indexed
    # Independently of the macro: BM25 (k1 1.2, b 0.75, Lucene idf) of the stem `gas` per article.
    terms = {a.article_id: document_terms(a.title, a.body) for a in articles.values()}
    mean = sum(t.length for t in terms.values()) / len(terms)
    having = [i for i, t in terms.items() if stem("gas") in t.counts]
    idf = math.log(1 + (len(terms) - len(having) + 0.5) / (len(having) + 0.5))
    expected = {i: idf * terms[i].counts[stem("gas")] * 2.2
                / (terms[i].counts[stem("gas")] + 1.2 * (0.25 + 0.75 * terms[i].length / mean)) for i in having}
    with engine.connect() as conn:
        got = dict(conn.exec_driver_sql("select article_id, score from search_articles('GAS')").fetchall())
    assert got.keys() == expected.keys() and all(math.isclose(got[i], expected[i]) for i in got)


def test_forms_case_and_accents_find_the_same_articles_and_unrelated_ones_are_absent(indexed):
    engine, _ = indexed
    hits = results.search(engine, "gas ruso")
    assert titles(hits)[0] == "Rusia y Kazajistán firman un acuerdo de gas"
    assert "El Real Madrid gana en Vigo" not in titles(hits) and "Turistas en la costa" in titles(hits)
    assert titles(results.search(engine, "GAS Rusos")) == titles(hits)
    assert titles(results.search(engine, "moscu")) == titles(results.search(engine, "Moscú"))
    assert "**gas** **ruso**" in hits[0].snippet


def test_a_story_is_one_result_unless_every_copy_is_asked(indexed):
    engine, _ = indexed
    once = results.search(engine, "gasoducto")
    assert len(once) == 1 and once[0].story_matches == 2
    assert len(results.search(engine, "gasoducto", one_per_story=False)) == 2


def test_filters_by_all_words_date_and_outlet(indexed):
    engine, _ = indexed
    assert titles(results.search(engine, "turistas gas", all_words=True)) == []
    assert titles(results.search(engine, "turistas rusos", all_words=True)) == ["Turistas en la costa"]
    assert titles(results.search(engine, "ruso", until=date(2025, 10, 31))) == ["Turistas en la costa"]
    assert "Turistas en la costa" not in titles(results.search(engine, "ruso", since=date(2025, 11, 1)))
    assert results.search(engine, "ruso", outlet="no such outlet") == []
    assert results.known_outlets(engine) == ["Agencia EFE"]
    assert titles(results.search(engine, "ruso", outlet="agencia efe")) == ["Rusia y Kazajistán firman un acuerdo de gas"]


def test_enye_abbreviations_and_accented_function_words_in_sql_as_in_python(indexed):
    engine, _ = indexed
    assert titles(results.search(engine, "peña")) == ["La Peña viaja a EE.UU. hoy"]
    assert titles(results.search(engine, "pena")) == ["La pena de un año"]
    assert titles(results.search(engine, "EEUU")) == titles(results.search(engine, "EE.UU.")) == ["La Peña viaja a EE.UU. hoy"]
    # `dé` and `una` are function words in a query (the index holds `dé`, and `uña` folds to no `una`).
    with engine.connect() as conn:
        asked = conn.exec_driver_sql("select distinct words_searched from search_articles('dé una pena')").fetchall()
    assert asked == [(1,)]
    assert titles(results.search(engine, "una uña", all_words=True)) == ["La pena de un año"]
    assert titles(results.search(engine, "peña flamenca", all_words=True)) == ["La Peña viaja a EE.UU. hoy"]


def test_a_form_no_article_uses_finds_the_articles_of_its_stem(indexed):
    # Only `gasoducto` is in the texts; the SQL macro alone finds words by the forms indexed.
    engine, _ = indexed
    found = titles(results.search(engine, "gasoductos"))
    assert found and found == titles(results.search(engine, "gasoducto"))
    assert titles(results.search(engine, "gasoductos rusas", all_words=True)) == titles(
        results.search(engine, "gasoducto ruso", all_words=True))

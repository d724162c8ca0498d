"""The real reprocess_articles flow: stored articles re-extracted after the extractor changed."""

import shutil

from cli_process import cli
from warehouse_reads import rows

from flows.ingest import ingest_news
from flows.reprocess import reprocess_articles
from warehouse.extraction.version import current_extractor_version
from warehouse.storage import db, snapshots


def as_if_extracted_by_an_older_version(db_path):
    """What an older extractor left: another version string, and the amounts of one article missing."""
    engine = db.connect(db_path)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("update articles set extractor_version = 'news-warehouse-0.0.1+old'")
            conn.exec_driver_sql("update mentions set extractor_version = 'news-warehouse-0.0.1+old'")
            conn.exec_driver_sql("delete from amounts where article_id = (select min(article_id) from articles)")
            # A warehouse from before sentences were stored (migration 022).
            conn.exec_driver_sql("delete from article_sentences where article_id = (select min(article_id) from articles)")
    finally:
        engine.dispose()


FACTS = ("select (select count(*) from mentions), (select count(*) from amounts), (select count(*) from entities), "
         "(select count(*) from article_sentences), (select count(distinct (article_id, sentence_no)) from article_sentences)")


def test_reprocess_swaps_the_facts_of_articles_from_another_extractor_version(tmp_path, sample_inbox):
    db_path = tmp_path / "w.duckdb"
    ingest_news(inbox=str(sample_inbox), db_path=str(db_path))
    fresh = rows(db_path, FACTS)
    assert fresh[0][3] == fresh[0][4] > 0   # one row per sentence
    as_if_extracted_by_an_older_version(db_path)
    assert rows(db_path, FACTS) != fresh

    summary = reprocess_articles(db_path=str(db_path))
    version = current_extractor_version()
    assert summary.counts.articles_reprocessed == 2 and summary.status == "completed"
    assert rows(db_path, FACTS) == fresh
    assert rows(db_path, "select distinct extractor_version from articles union "
                         "select distinct extractor_version from mentions union "
                         "select distinct extractor_version from amounts") == [(version,)]
    assert rows(db_path, "select kind, status, articles_reprocessed, amounts_loaded from runs "
                         "order by started_at") == [("ingest", "completed", 0, 11),
                                                    ("reprocess", "completed", 2, 11)]
    # Readers see it: the snapshot was published after the reprocess.
    assert rows(snapshots.snapshot_path(db_path), FACTS) == fresh

    again = reprocess_articles(db_path=str(db_path))
    assert again.counts.articles_reprocessed == 0
    everything = reprocess_articles(db_path=str(db_path), everything=True, batch_size=1)
    assert everything.counts.articles_reprocessed == 2 and rows(db_path, FACTS) == fresh


def test_reprocess_command_prints_what_it_did(tmp_path, sample_inbox):
    db_path = tmp_path / "w.duckdb"
    inbox = tmp_path / "inbox"
    shutil.copytree(sample_inbox, inbox)
    assert cli("run", "--inbox", str(inbox), "--db", str(db_path)).returncode == 0
    as_if_extracted_by_an_older_version(db_path)
    result = cli("reprocess", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("reprocess run ") and ": completed in " in lines[0]
    # Like every run, the reprocess records where its time went.
    run_id = lines[0].split()[2].rstrip(":")
    stages = dict(rows(db_path, f"select stage, seconds from run_stages where run_id = '{run_id}'"))
    assert {"read", "ner", "places", "extract_wait", "load", "finish"} <= set(stages) and stages["ner"] > 0
    assert lines[1:] == ["articles re-extracted 2", "entities net change +0 (new ones, less those no longer "
                                                     "mentioned), mentions 80, amounts 11"]


def test_reprocess_without_a_warehouse_is_one_line(tmp_path):
    result = cli("reprocess", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"news-warehouse: error: no warehouse at {tmp_path / 'none.duckdb'}: " \
                                    f"run `news-warehouse run` first"

"""Operations with real processes: one writer at a time, SIGKILL in the middle of a load,
readers querying while a run writes."""

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import psutil
import pytest
from cli_process import cli, start_cli
from warehouse_reads import contents, scalar

from flows.ingest import ingest_news
from warehouse.storage import db, snapshots
from warehouse.storage.writer_lock import WarehouseBusy, writer_lock

DATA = Path(__file__).parents[1] / "data"

# What a run leaves in the warehouse, without what only says when or by which run it was written.
CONTENT = {
    "articles": "select * exclude (run_id, loaded_at) from articles",
    "entities": "select * from entities",
    "mentions": "select * from mentions",
    "amounts": "select * from amounts",
    "deliveries": "select * exclude (run_id, delivered_at) from deliveries",
    "source_files": "select * exclude (first_seen_at, last_seen_at, run_id) from source_files",
    "rejections": "select * exclude (run_id, recorded_at) from rejections",
}


@pytest.fixture
def news_inbox(tmp_path, sample_inbox):
    """The two samples, 20 real news articles in one JSONL file and a malformed line."""
    inbox = tmp_path / "inbox"
    shutil.copytree(sample_inbox, inbox)
    shutil.copy(DATA / "corpus_sample.jsonl", inbox / "news.jsonl")
    with open(inbox / "news.jsonl", "a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    return inbox


def test_sigkill_in_the_middle_of_a_load_then_a_rerun_gives_the_uninterrupted_warehouse(tmp_path, news_inbox):
    killed_db, reference_db = tmp_path / "killed.duckdb", tmp_path / "reference.duckdb"
    process = start_cli("run", "--inbox", str(news_inbox), "--db", str(killed_db), "--batch-size", "2")
    try:
        loaded = 0
        for line in process.stdout:
            loaded += "batch loaded:" in line
            if loaded == 2:   # two batches committed, the next ones being extracted or loaded
                break
        else:
            pytest.fail("the run ended before its second batch was loaded")
        helpers = psutil.Process(process.pid).children(recursive=True)   # extraction workers
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    # Nothing is left behind holding memory or the command's output.
    assert helpers and not psutil.wait_procs(helpers, timeout=15)[1]
    # Readers never saw the half-loaded run: the snapshot is still the new warehouse's empty one.
    assert scalar(snapshots.snapshot_path(killed_db), "select count(*) from articles") == 0
    partial = scalar(killed_db, "select count(*) from articles")
    assert 0 < partial < 22

    rerun = cli("run", "--inbox", str(news_inbox), "--db", str(killed_db), "--batch-size", "2")
    assert rerun.returncode == 0, rerun.stderr
    reference = cli("run", "--inbox", str(news_inbox), "--db", str(reference_db), "--batch-size", "2")
    assert reference.returncode == 0, reference.stderr

    assert contents(killed_db, CONTENT) == contents(reference_db, CONTENT)
    assert scalar(killed_db, "select count(*) from articles") == 22
    statuses = scalar(killed_db, "select list(status || ': ' || coalesce(message, '') order by started_at) from runs")
    assert statuses[0].startswith("failed: interrupted") and statuses[1].startswith("completed_with_warnings")
    # The killed run still shows what it committed; with the rerun's, every article is accounted for.
    assert scalar(killed_db, "select list(articles_loaded order by started_at) from runs") == [partial, 22 - partial]
    assert scalar(snapshots.snapshot_path(killed_db), "select count(*) from articles") == 22


def test_sigterm_stops_a_run_cleanly_and_the_next_run_completes_it(tmp_path, news_inbox):
    db_path = tmp_path / "w.duckdb"
    process = start_cli("run", "--inbox", str(news_inbox), "--db", str(db_path), "--batch-size", "2")
    for line in process.stdout:
        if "batch loaded:" in line:
            break
    helpers = psutil.Process(process.pid).children(recursive=True)
    process.send_signal(signal.SIGTERM)
    output = process.communicate(timeout=120)[0]
    assert process.returncode == 143, output
    assert output.rstrip().splitlines()[-1] == "news-warehouse: stopped (SIGTERM); the next run completes the work"
    assert not psutil.wait_procs(helpers, timeout=15)[1]
    assert scalar(db_path, "select list(status) from runs") == ["failed"]
    assert cli("run", "--inbox", str(news_inbox), "--db", str(db_path)).returncode == 0
    assert scalar(db_path, "select count(*) from articles") == 22


def test_a_run_waits_for_the_writer_lock_and_gives_up_with_one_line(tmp_path, sample_inbox):
    db_path = tmp_path / "w.duckdb"
    with writer_lock(db_path, wait_seconds=0, run_id="held-by-test"):
        result = cli("run", "--inbox", str(sample_inbox), "--db", str(db_path),
                     env={"NEWS_WAREHOUSE_LOCK_WAIT_SECONDS": "1"})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"news-warehouse: error: warehouse {db_path} is being written by run held-by-test "
        f"(pid {os.getpid()}, started {result.stderr.split('started ')[1].split(')')[0]}); "
        f"waited 1 s (NEWS_WAREHOUSE_LOCK_WAIT_SECONDS): try again when it finishes"]
    assert not db_path.exists()   # the waiting run did not touch the warehouse


def test_a_run_started_while_another_writes_waits_then_runs(tmp_path, sample_inbox):
    db_path = tmp_path / "w.duckdb"
    released = threading.Event()

    def hold_for_two_seconds():
        with writer_lock(db_path, wait_seconds=0, run_id="first"):
            time.sleep(2)
        released.set()

    holder = threading.Thread(target=hold_for_two_seconds)
    holder.start()
    time.sleep(0.2)
    summary = ingest_news(inbox=str(sample_inbox), db_path=str(db_path), lock_wait_seconds=30)
    holder.join()
    assert released.is_set() and summary.counts.articles_loaded == 2


def test_a_run_that_cannot_get_the_lock_fails_its_flow_run_with_the_reason(tmp_path, sample_inbox):
    db_path = tmp_path / "w.duckdb"
    with writer_lock(db_path, wait_seconds=0, run_id="first"):
        state = ingest_news(inbox=str(sample_inbox), db_path=str(db_path), lock_wait_seconds=0,
                            return_state=True)
    assert state.is_failed()
    with pytest.raises(WarehouseBusy, match="is being written by run first"):
        state.result()


def test_two_runs_started_at_once_load_everything_once(tmp_path, news_inbox):
    db_path = tmp_path / "w.duckdb"
    first, second = (start_cli("run", "--inbox", str(news_inbox), "--db", str(db_path)) for _ in range(2))
    outputs = [process.communicate(timeout=600)[0] for process in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0), outputs
    loaded = sorted(int(out.split("articles loaded ")[1].split(",")[0]) for out in outputs)
    assert loaded == [0, 22]
    assert scalar(db_path, "select count(*) from articles") == 22
    assert scalar(db_path, "select count(*) from deliveries") == 22
    assert scalar(db_path, "select count(*) from rejections") == 1
    # The first reports the malformed line; the second finds every file unchanged.
    assert scalar(db_path, "select list(status order by started_at) from runs") == [
        "completed_with_warnings", "completed"]


READER = textwrap.dedent("""
    import sys, time, duckdb
    from pathlib import Path
    from warehouse.storage.snapshots import reader_path
    db_path, stop = sys.argv[1], Path(sys.argv[2])
    while not stop.exists():
        try:
            connection = duckdb.connect(str(reader_path(db_path)), read_only=True)
            try:
                row = connection.execute(
                    "select (select count(*) from articles), (select count(*) from mentions),"
                    " (select count(*) from runs where status = 'running'),"
                    " (select count(*) from entity_mentions_by_day)").fetchone()
            finally:
                connection.close()
            print("ok", *row, flush=True)
        except Exception as error:
            print("error", type(error).__name__, str(error).splitlines()[0], flush=True)
        time.sleep(0.01)
""")


def test_readers_querying_during_a_run_see_the_old_or_the_new_state_never_an_error(tmp_path, sample_inbox):
    inbox, db_path, stop = tmp_path / "inbox", tmp_path / "w.duckdb", tmp_path / "stop"
    shutil.copytree(sample_inbox, inbox)
    ingest_news(inbox=str(inbox), db_path=str(db_path))
    shutil.copy(DATA / "corpus_sample.jsonl", inbox / "news.jsonl")
    old = (scalar(db_path, "select count(*) from articles"), scalar(db_path, "select count(*) from mentions"))

    reader = subprocess.Popen([sys.executable, "-c", READER, str(db_path), str(stop)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        time.sleep(1)
        writer = start_cli("run", "--inbox", str(inbox), "--db", str(db_path), "--batch-size", "4")
        query_during_run = cli("query", "select count(*) from articles", "--db", str(db_path), "--format", "csv")
        assert writer.wait(timeout=600) == 0, writer.stdout.read()
        time.sleep(1)
    finally:
        stop.touch()
        lines = reader.communicate(timeout=60)[0].splitlines()
    new = (scalar(db_path, "select count(*) from articles"), scalar(db_path, "select count(*) from mentions"))

    assert [line for line in lines if not line.startswith("ok")] == []
    seen = {tuple(int(n) for n in line.split()[1:3]) for line in lines}
    running = {int(line.split()[3]) for line in lines}
    assert seen == {old, new} and new[0] == old[0] + 20 and running == {0}
    assert query_during_run.returncode == 0, query_during_run.stderr
    assert query_during_run.stdout.splitlines()[1] in (str(old[0]), str(new[0]))


def test_a_backup_copied_from_the_snapshot_restores_and_the_next_run_catches_up(tmp_path, sample_inbox):
    """README, Operations: back up by copying the snapshot; restore it, then run once."""
    inbox, db_path, backup = tmp_path / "inbox", tmp_path / "w.duckdb", tmp_path / "backup.duckdb"
    shutil.copytree(sample_inbox, inbox)
    ingest_news(inbox=str(inbox), db_path=str(db_path))
    shutil.copy(snapshots.snapshot_path(db_path), backup)
    shutil.copy(DATA / "corpus_sample.jsonl", inbox / "news.jsonl")
    ingest_news(inbox=str(inbox), db_path=str(db_path))
    expected = contents(db_path, CONTENT)

    shutil.copy(backup, db_path)
    snapshots.snapshot_path(db_path).unlink()
    assert scalar(db_path, "select count(*) from articles") == 2
    summary = ingest_news(inbox=str(inbox), db_path=str(db_path))
    assert summary.counts.articles_loaded == 20
    assert contents(db_path, CONTENT) == expected
    assert scalar(snapshots.snapshot_path(db_path), "select count(*) from articles") == 22


def test_status_reads_the_snapshot_and_names_the_run_in_progress(tmp_path, sample_inbox):
    db_path = tmp_path / "w.duckdb"
    ingest_news(inbox=str(sample_inbox), db_path=str(db_path))
    with writer_lock(db_path, wait_seconds=0, run_id="busy-run"):
        engine = db.connect(db_path)   # the writer has the warehouse open, as during a load
        try:
            result = cli("status", "--db", str(db_path))
        finally:
            engine.dispose()
    assert result.returncode == 0, result.stderr
    assert "last runs:" in result.stdout
    assert f"in progress: run busy-run (pid {os.getpid()}" in result.stdout


def test_readers_of_a_new_warehouse_see_it_empty_during_its_first_run(tmp_path, news_inbox):
    db_path = tmp_path / "w.duckdb"
    writer = start_cli("run", "--inbox", str(news_inbox), "--db", str(db_path), "--batch-size", "2")
    try:
        for line in writer.stdout:
            if "batch 1:" in line:
                break
        during = cli("query", "select count(*) from articles", "--db", str(db_path), "--format", "csv")
    finally:
        writer.communicate(timeout=600)
    assert during.returncode == 0, during.stderr
    assert during.stdout.splitlines()[1] in ("0", "22")
    assert writer.returncode == 0

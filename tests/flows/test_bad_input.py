"""Every kind of bad input in one real run (a real process, real files, real DuckDB): each is
recorded with its status and reason while every good file of the same run loads."""

import json
import os
import shutil

import pytest
from cli_process import CLI, cli
from warehouse_reads import rows


# As root, reading a mode-000 file succeeds: run the command without the capabilities that let
# root bypass file permissions, as any production user runs it (util-linux `setpriv`).
UNPRIVILEGED = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"] if os.geteuid() == 0 else []

ENGLISH = ("The central bank raised interest rates on Tuesday for the third time this year, saying that "
           "inflation was still far above its target and that it would do what was needed to bring it "
           "down. The decision was expected by most of the economists surveyed by the agency.")
SPANISH = "Madrid, 3 mar (EFE).- El Gobierno de España aprobó un gasto de 5 millones de euros para 40 hospitales."


@pytest.fixture(scope="module")
def bad_inbox_run(tmp_path_factory, sample_inbox):
    base = tmp_path_factory.mktemp("bad-input")
    inbox, outside, db_path = base / "inbox", base / "outside", base / "w.duckdb"
    shutil.copytree(sample_inbox, inbox)
    outside.mkdir()
    (outside / "secret.txt").write_text("date 2025-01-01 Fuera\n\nNo debe leerse.", encoding="utf-8")
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(b"\x00\x01\x02date")
    (inbox / "windows.txt").write_bytes(f"date 2025-03-03 Año nuevo\n\n{SPANISH} «Bien», dijo.".encode("cp1252"))
    (inbox / "broken.txt").write_bytes("date 2025-03-03 Acción\n\nTexto en español.".encode() + b"\xff")
    (inbox / "noheader.txt").write_text("Solo texto, sin cabecera.", encoding="utf-8")
    (inbox / "baddate.txt").write_text(f"date 2025-13-45 Fecha imposible\n\n{SPANISH}", encoding="utf-8")
    (inbox / "huge.txt").write_text("date 2025-03-03 Enorme\n\n" + "palabra " * 20_000, encoding="utf-8")
    (inbox / "english.txt").write_text(f"date 2025-03-03 Rates up again\n\n{ENGLISH}", encoding="utf-8")
    (inbox / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (inbox / "mixed.jsonl").write_text(
        json.dumps({"id": "ok", "title": "Bien", "text": SPANISH}) + "\n"
        "{broken\n" + json.dumps({"id": "no-text"}) + "\n" + json.dumps({"text": 12}) + "\n", encoding="utf-8")
    locked = inbox / "locked.txt"
    locked.write_text(f"date 2025-03-03 Cerrado\n\n{SPANISH}", encoding="utf-8")
    locked.chmod(0)
    os.symlink(outside / "secret.txt", inbox / "link.txt")
    (inbox / "closed-folder").mkdir()
    (inbox / "closed-folder" / "inside.txt").write_text(f"date 2025-03-03 Dentro\n\n{SPANISH}", encoding="utf-8")
    (inbox / "closed-folder").chmod(0)
    with open(os.fsencode(inbox) + b"/nombre-\xff.txt", "w", encoding="utf-8") as handle:
        handle.write(f"date 2025-03-03 Nombre\n\n{SPANISH}")
    os.mkfifo(inbox / "pipe.txt")
    os.symlink(outside, inbox / "linked-folder")
    before = {p: p.stat(follow_symlinks=False).st_mtime_ns for p in inbox.rglob("*")}

    env = {"NEWS_WAREHOUSE_MAX_FILE_BYTES": "100000"}
    if UNPRIVILEGED:
        import subprocess

        from cli_process import cli_environment
        result = subprocess.run(UNPRIVILEGED + CLI + ["run", "--inbox", str(inbox), "--db", str(db_path)],
                                capture_output=True, text=True, env=cli_environment(env), timeout=600)
    else:
        result = cli("run", "--inbox", str(inbox), "--db", str(db_path), env=env)
    assert result.returncode == 0, result.stderr
    assert {p: p.stat(follow_symlinks=False).st_mtime_ns for p in inbox.rglob("*")} == before  # inbox untouched
    return db_path, result.stdout


EXPECTED_FILES = {
    "000_542891e76d12465d.txt": ("loaded", None),
    "002_ad79f3d90c75c4c0.txt": ("loaded", None),
    "empty.txt": ("rejected", "empty file"),
    "binary.txt": ("rejected", "binary file (contains NUL bytes)"),
    "windows.txt": ("loaded_with_warnings", "not valid UTF-8: decoded as Windows-1252 (cp1252)"),
    "broken.txt": ("rejected", "not valid UTF-8 at byte 43, nor clearly Windows-1252 Spanish text"),
    "noheader.txt": ("rejected", "no 'date YYYY-MM-DD' header found"),
    "baddate.txt": ("loaded_with_warnings", "impossible date '2025-13-45': loaded with no date"),
    "huge.txt": ("rejected", "file of 160024 bytes is over the 100000-byte limit"),
    "english.txt": ("loaded_with_warnings", "1 article(s) not Spanish (detected en): stored without extraction"),
    "notes.csv": ("rejected", "unsupported file type '.csv': expected .txt or .jsonl"),
    "mixed.jsonl": ("partially_loaded", "3 record(s) rejected (lines 2, 3, 4)"),
    "locked.txt": ("rejected", "cannot read file: Permission denied"),
    "link.txt": ("rejected", "symbolic link not followed"),
    "linked-folder": ("rejected", "symbolic link not followed"),
    "closed-folder": ("rejected", "folder cannot be read: Permission denied"),
    "nombre-\ufffd.txt": ("rejected", "file name is not valid UTF-8: rename it"),
    "pipe.txt": ("rejected", "not a regular file (a pipe, socket or device)"),
}


def test_each_bad_input_has_its_status_and_reason(bad_inbox_run):
    db_path, _ = bad_inbox_run
    files = {path: (status, reason) for path, status, reason in rows(db_path, "select path, status, reason from source_files")}
    assert files == EXPECTED_FILES


def test_rejected_jsonl_lines_are_recorded_with_line_numbers(bad_inbox_run):
    db_path, _ = bad_inbox_run
    assert rows(db_path, "select line_no, reason from rejections where source_path = 'mixed.jsonl' order by 1") == [
        (2, "invalid JSON: Expecting property name enclosed in double quotes"),
        (3, "record has no 'text'"),
        (4, "'text' is not a string (got a number)")]


def test_good_articles_load_and_the_run_completes_with_warnings(bad_inbox_run):
    db_path, stdout = bad_inbox_run
    assert rows(db_path, "select source_path from articles order by 1") == [
        ("000_542891e76d12465d.txt",), ("002_ad79f3d90c75c4c0.txt",), ("baddate.txt",),
        ("english.txt",), ("mixed.jsonl",), ("windows.txt",)]
    assert rows(db_path, "select status, files_rejected, records_rejected from runs") == [
        ("completed_with_warnings", 12, 4)]
    assert rows(db_path, "select published_date from articles where source_path = 'baddate.txt'") == [(None,)]
    assert "rejected: locked.txt: cannot read file: Permission denied" in stdout
    assert "warning: english.txt: article 1: not Spanish (detected en): stored without extraction" in stdout
    assert "warning: windows.txt: not valid UTF-8: decoded as Windows-1252 (cp1252)" in stdout


def test_a_cp1252_file_is_read_right(bad_inbox_run):
    db_path, _ = bad_inbox_run
    [(title, body, encoding)] = rows(db_path, "select title, body, encoding from articles a join source_files f "
                                              "on f.path = a.source_path where path = 'windows.txt'")
    assert (title, encoding) == ("Año nuevo", "cp1252") and body.endswith("«Bien», dijo.")
    assert rows(db_path, "select count(*) from amounts join articles using (article_id) "
                         "where source_path = 'windows.txt'") == [(2,)]


def test_an_article_not_in_spanish_is_stored_flagged_and_not_extracted(bad_inbox_run):
    db_path, _ = bad_inbox_run
    assert rows(db_path, """
        select a.language, count(distinct m.mention_no), count(distinct n.amount_no)
        from articles a left join mentions m using (article_id) left join amounts n using (article_id)
        where a.source_path = 'english.txt' group by 1""") == [("en", 0, 0)]
    # The others are Spanish, or too short to judge (a one-sentence JSONL record): both extracted.
    assert rows(db_path, "select count(*) from articles where source_path <> 'english.txt' "
                         "and language is distinct from 'es' and article_id not in (select article_id from amounts)") \
        == [(0,)]


def test_nothing_outside_the_inbox_was_read(bad_inbox_run):
    db_path, _ = bad_inbox_run
    assert rows(db_path, "select count(*) from articles where body like '%No debe leerse%'") == [(0,)]


def test_status_lists_the_files_that_need_a_look(bad_inbox_run):
    db_path, _ = bad_inbox_run
    result = cli("status", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    attention = result.stdout.split("files not simply loaded")[1]
    for path, (status, _) in EXPECTED_FILES.items():
        assert (path in attention) == (status != "loaded"), path


def test_the_rejections_are_a_prefect_artifact(bad_inbox_run):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["ingest-rejections"])))
    tables = [json.dumps(a.data) for a in artifacts]
    assert any("locked.txt" in table and "Permission denied" in table for table in tables)



def test_the_flow_run_ends_completed_with_warnings_and_its_summary_links_the_rejections(bad_inbox_run):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    db_path, _ = bad_inbox_run
    [(flow_run_id, status)] = rows(db_path, "select flow_run_id, status from runs")
    assert status == "completed_with_warnings"
    with get_client(sync_client=True) as client:
        state = client.read_flow_run(flow_run_id).state
        summaries = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["ingest-summary"])))
        rejections = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["ingest-rejections"])))
    assert state.is_completed() and state.name == "CompletedWithWarnings"
    assert "rejected" in state.message and "ingest-rejections" in state.message
    mine = [a for a in summaries if str(a.flow_run_id) == flow_run_id]
    linked = [a for a in rejections if str(a.flow_run_id) == flow_run_id]
    assert mine and linked and f"/artifacts/artifact/{linked[0].id}" in mine[0].description

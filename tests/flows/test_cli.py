"""The `news-warehouse` command as a user runs it: a real process, real files."""

import json
import os
import queue
import shutil
import subprocess
import threading

import pytest
from cli_process import CLI, cli


@pytest.fixture(scope="module")
def warehouse_file(tmp_path_factory, sample_inbox):
    db_path = tmp_path_factory.mktemp("cli") / "w.duckdb"
    result = cli("run", "--inbox", str(sample_inbox), "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    return db_path, result.stdout


def test_run_prints_a_short_summary(warehouse_file):
    _, stdout = warehouse_file
    assert "files seen 2 (unchanged 0, rejected 0, still being written 0)" in stdout
    assert "articles loaded 2, already present 0, rejected 0" in stdout
    assert " s -> " in stdout and "entities added " in stdout and "mentions " in stdout and "amounts " in stdout


def test_query_counts_articles_in_every_format(warehouse_file):
    db_path, _ = warehouse_file
    table = cli("query", "select count(*) as n from articles", "--db", str(db_path))
    assert table.returncode == 0 and table.stdout.splitlines()[2].strip() == "2"
    as_json = cli("query", "select count(*) as n from articles", "--db", str(db_path), "--format", "json")
    assert json.loads(as_json.stdout) == [{"n": 2}]
    as_lines = cli("query", "select article_id from articles", "--db", str(db_path), "--format", "jsonl")
    assert [sorted(json.loads(line)) for line in as_lines.stdout.splitlines()] == [["article_id"]] * 2
    no_rows = cli("query", "select 1 as n where false", "--db", str(db_path), "--format", "jsonl")
    assert no_rows.returncode == 0 and no_rows.stdout == ""
    as_csv = cli("query", "article_overview", "--db", str(db_path), "--format", "csv")
    assert as_csv.stdout.splitlines()[0].startswith("article_id,published_date,title")
    assert len(as_csv.stdout.splitlines()) == 3


def test_db_can_come_from_the_environment(warehouse_file):
    db_path, _ = warehouse_file
    result = cli("status", env={"NEWS_WAREHOUSE_DB": str(db_path)})
    assert result.returncode == 0, result.stderr
    assert "articles      2" in result.stdout and "last runs:" in result.stdout


def test_query_cannot_write(warehouse_file):
    db_path, _ = warehouse_file
    result = cli("query", "delete from articles", "--db", str(db_path))
    assert result.returncode == 2
    assert result.stderr.startswith("news-warehouse: error: query failed:") and "read-only" in result.stderr


def test_query_cannot_reach_the_file_system(warehouse_file, tmp_path):
    db_path, _ = warehouse_file
    for sql in [f"copy articles to '{tmp_path / 'out.csv'}'", f"attach '{tmp_path / 'other.duckdb'}'"]:
        result = cli("query", sql, "--db", str(db_path))
        assert result.returncode == 2 and "file system operations are disabled" in result.stderr, sql
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args, message", [
    (["run", "--inbox", "/no/such/inbox"], "news-warehouse: error: inbox not found: /no/such/inbox"),
    (["run", "--db", "/no/such/dir/w.duckdb"], "news-warehouse: error: cannot create warehouse"),
    (["query", "articles", "--db", "/no/such/w.duckdb"], "news-warehouse: error: no warehouse at"),
    (["serve", "--cron", "every quarter hour"], "news-warehouse: error: invalid --cron"),
    (["serve", "--cron", "0 */15 * * * * *"], "news-warehouse: error: invalid --cron '0 */15 * * * * *': "
                                             "expected 5 fields"),
    (["extract", "/no/such/file.jsonl"], "news-warehouse: error: input file not found"),
], ids=["missing-inbox", "bad-db-dir", "missing-db", "bad-cron", "seven-field-cron", "missing-extract-input"])
def test_user_errors_are_one_line_without_traceback(args, message):
    result = cli(*args)
    assert result.returncode == 2
    assert result.stderr.startswith(message) and len(result.stderr.strip().splitlines()) == 1
    assert "pydantic" not in result.stderr


@pytest.mark.parametrize("args, message", [
    (["run", "--batch-size", "0"], "value must be at least 1"),
    (["run", "--batch-size", "many"], "value must be a whole number"),
    (["nonsense"], "invalid choice: 'nonsense'"),
    (["query"], "the following arguments are required: SQL|VIEW"),
], ids=["zero", "not-a-number", "unknown-command", "missing-argument"])
def test_bad_arguments_are_usage_errors(args, message):
    result = cli(*args)
    assert result.returncode == 2 and message in result.stderr
    assert result.stderr.startswith("news-warehouse: error: ") and len(result.stderr.strip().splitlines()) == 1


def test_a_bad_setting_from_the_environment_is_one_line():
    result = cli("run", env={"NEWS_WAREHOUSE_BATCH_SIZE": "abc"})
    assert result.returncode == 2
    assert result.stderr.strip() == "news-warehouse: error: NEWS_WAREHOUSE_BATCH_SIZE must be a whole number, got 'abc'"


def test_a_run_on_a_warehouse_in_use_or_a_directory_is_one_line(warehouse_held_by_another_process, tmp_path):
    for db_path, message in [(warehouse_held_by_another_process, "is in use by another process"),
                             (tmp_path, "is a directory")]:
        result = cli("run", "--db", str(db_path))
        assert result.returncode == 2, result.stderr
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("command", ["run", "serve", "extract", "query", "status"])
def test_every_command_has_help(command):
    result = cli(command, "--help")
    assert result.returncode == 0 and result.stdout.startswith("usage: news-warehouse " + command)


def test_extract_contract_streams_one_line_per_record_in_order(sample_articles):
    records = [{"id": "b", "text": sample_articles[1].body}, {"id": 7, "text": "Sin cifras ni nombres."},
               {"id": "a", "text": sample_articles[0].body}]
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    result = cli("extract", stdin=stdin)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["b", 7, "a"]
    assert set(lines[0]) == {"id", "entities", "amounts", "dateline_country"}   # the last added later
    for record, line in zip(records, lines):
        for item in line["entities"] + line["amounts"]:
            assert record["text"][item["start"]:item["end"]] == item["text"]
    entity = next(e for e in lines[2]["entities"] if e["text"] == "Putin")
    assert (entity["label"], entity["entity"], entity["place"]) == ("PER", "Vladímir Putin", None)
    moscow = lines[2]["entities"][0]
    assert (moscow["text"], moscow["place"]["geonameid"], moscow["place"]["country_code"]) == ("Moscú", 524901, "RU")
    assert (lines[2]["dateline_country"], lines[0]["dateline_country"]) == ("RU", None)
    money = next(a for a in lines[2]["amounts"] if "30.000" in a["text"])
    assert {k: money[k] for k in ("kind", "value", "unit", "qualifier")} == \
        {"kind": "money", "value": "30000000000", "unit": "USD", "qualifier": "approx"}
    first_fields = {"start", "end", "text", "kind", "value", "unit", "object", "qualifier"}
    added_fields = {"value_high", "unit_inferred", "per_value", "per_unit", "restates", "value_eur", "value_usd",
                    "rate_date", "rate_source", "rate_note"}
    assert set(money) == first_fields | added_fields  # additive: the first fields keep their meaning
    # No `date` in the record: converted at the run date, and the note says so.
    assert money["value_usd"] == "30000000000" and money["rate_note"].startswith("undated article")
    assert all(set(a) >= first_fields | {"value_high", "unit_inferred", "per_value", "per_unit", "restates"}
               for line in lines for a in line["amounts"])


def test_extract_converts_money_at_the_record_date():
    # ECB reference rate of 2020-01-06: 1.1194 dollars per euro (eurofxref-hist, by hand).
    stdin = json.dumps({"id": 1, "date": "2020-01-06", "text": "Rusia invertirá casi 30.000 millones de dólares."}) + "\n"
    stdin += json.dumps({"id": 2, "date": "ayer", "text": "Cuesta 5 euros."}) + "\n"
    result = cli("extract", stdin=stdin)
    assert result.returncode == 0, result.stderr
    dated, bad = [json.loads(line) for line in result.stdout.splitlines()]
    money = dated["amounts"][0]
    assert (money["value_eur"], money["rate_date"], money["rate_source"], money["rate_note"]) == \
        ("26800071466.857245", "2020-01-06", "ecb", None)
    assert bad["amounts"] == [] and "'date' is not YYYY-MM-DD" in bad["error"]


def test_extract_keeps_alignment_on_bad_input_lines():
    too_long = json.dumps({"id": 4, "text": "x" * 1_000_001})
    stdin = b'{"id": 1, "text": "Hola."}\nnot json\n{"id": 3}\n' + too_long.encode() + b"\n\xff\xfe\n"
    result = subprocess.run(CLI + ["extract"], input=stdin, capture_output=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(line["id"], "error" in line) for line in lines] == \
        [(1, False), (None, True), (3, True), (4, True), (None, True)]
    assert lines[1]["entities"] == [] and lines[1]["amounts"] == []
    assert "over the 1,000,000 limit" in lines[3]["error"] and "not UTF-8" in lines[4]["error"]


def test_extract_answers_each_record_before_the_next_arrives():
    """A tool that writes one record and waits for its answer must get it (no read-ahead)."""
    process = subprocess.Popen(CLI + ["extract"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    answers = queue.Queue()
    threading.Thread(target=lambda: answers.put(process.stdout.readline()), daemon=True).start()
    try:
        process.stdin.write('{"id": "q1", "text": "El Gobierno de España gastó 5 millones de euros."}\n')
        process.stdin.flush()
        answer = json.loads(answers.get(timeout=300))   # stdin is still open
        assert answer["id"] == "q1" and answer["amounts"][0]["value"] == "5000000"
    finally:
        process.stdin.close()
        process.wait(timeout=60)


def serve_until_banner(tmp_path, cron):
    """`serve` without a configured server, as a user starts it; returns (process, banner lines,
    the output queue)."""
    import signal

    env = os.environ | {"PREFECT_API_URL": "", "PREFECT_HOME": str(tmp_path / "prefect-home"),
                        "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    # Ctrl-C as a terminal sends it: a suite started in the background (`make test &` in a
    # non-interactive shell) passes SIGINT on as ignored, and Python then installs no
    # KeyboardInterrupt handler (this test failed that way three times).
    process = subprocess.Popen(CLI + ["serve", "--cron", cron, "--db", str(tmp_path / "w.duckdb")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    banner = []
    while not banner or not banner[-1].startswith("Ctrl-C or SIGTERM stops serving"):
        banner.append(lines.get(timeout=300).rstrip("\n"))
    return process, banner, lines


def test_serve_starts_a_server_says_how_to_reach_it_and_stops_cleanly_on_sigterm(tmp_path):
    """Prefect's temporary server has no scheduler, so `serve` starts a real one (flows/server.py)."""
    import signal
    import urllib.request

    cron = "0 0 29 2 *"   # midnight of 29 February: no run comes due during the test
    process, banner, lines = serve_until_banner(tmp_path, cron)
    try:
        text = "\n".join(banner)
        exports = [line.split("export PREFECT_API_URL=")[1] for line in banner if "export PREFECT_API_URL=" in line]
        assert len(exports) == 1 and exports[0].endswith("/api")
        api_url = exports[0]
        assert f"  Prefect UI  {api_url.removesuffix('/api')} (a local server" in text
        assert "next run    2028-02-29 00:00 UTC" in text and f"schedule {cron!r}" in text
        assert f"warehouse   {tmp_path / 'w.duckdb'}" in text and "prefect deployment run 'ingest_news/" in text
        with urllib.request.urlopen(f"{api_url}/deployments/name/ingest_news/news-warehouse-ingest") as response:
            deployment = json.load(response)
        assert [s["schedule"]["cron"] for s in deployment["schedules"]] == [cron]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    rest = []
    while not lines.empty():
        rest.append(lines.get())
    tail = "".join(rest)
    assert process.returncode == 0, tail
    assert "never awaited" not in tail and "Traceback" not in tail and "serving stopped (SIGTERM)" in tail, tail
    with pytest.raises(OSError):   # the server went with it
        urllib.request.urlopen(f"{api_url}/health", timeout=5)


def test_serve_stops_on_ctrl_c_too(tmp_path):
    import signal

    process, _, lines = serve_until_banner(tmp_path, "0 0 29 2 *")
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
    rest = "".join(lines.get() for _ in range(lines.qsize()))
    assert process.returncode == 0 and "serving stopped (interrupted)" in rest and "Traceback" not in rest, rest


def test_query_binds_the_values_it_is_given(warehouse_file):
    db_path, _ = warehouse_file
    sql = "select count(*) as n from mentions where text = $name"
    result = cli("query", sql, "--param", "name=Putin", "--db", str(db_path), "--format", "csv")
    assert result.returncode == 0 and int(result.stdout.splitlines()[1]) > 0, result.stderr
    hostile = cli("query", sql, "--param", "name=x' or '1'='1", "--db", str(db_path), "--format", "csv")
    assert hostile.returncode == 0 and hostile.stdout.splitlines()[1] == "0"


def test_version_and_the_batch_size_default_the_run_really_uses():
    from warehouse import __version__
    from warehouse.config import DEFAULT_BATCH_SIZE

    assert cli("--version").stdout.strip() == f"news-warehouse {__version__}"
    for command in ("run", "reprocess"):
        assert f"$NEWS_WAREHOUSE_BATCH_SIZE or {DEFAULT_BATCH_SIZE})" in " ".join(cli(command, "--help").stdout.split())


def test_query_limits_rows_and_cuts_cells_only_where_asked(warehouse_file):
    db_path, _ = warehouse_file
    db = ("--db", str(db_path))
    total = int(cli("query", "select count(*) from mentions", *db, "--format", "csv").stdout.splitlines()[1])
    assert total > 3
    limited = cli("query", "mentions", "--limit", "3", "--format", "csv", *db)
    assert len(limited.stdout.splitlines()) == 1 + 3 and "first 3 rows shown" in limited.stderr
    everything = cli("query", "mentions", "--limit", "0", "--format", "csv", *db)
    assert len(everything.stdout.splitlines()) == 1 + total and everything.stderr == ""
    body = "select body from articles order by article_id limit 1"
    cut = cli("query", body, *db).stdout.splitlines()[2]
    whole = cli("query", body, "--width", "0", *db).stdout.splitlines()[2]
    assert len(cut) == 60 and cut.endswith("…") and len(whole) > 200 and whole.startswith(cut[:-1])
    bad = cli("query", "mentions", "--limit", "-1", *db)
    assert bad.returncode == 2 and "0 or more" in bad.stderr


def test_query_formats_write_lists_as_json_numbers_as_numbers_and_parquet_to_a_file(warehouse_file, tmp_path):
    import csv
    import io

    import pyarrow.parquet as pq

    db = ("--db", str(warehouse_file[0]))
    sql = "select value, sentence_entities from amounts_in_context where value = 30000000000"
    as_json = json.loads(cli("query", sql, *db, "--format", "json").stdout)
    assert as_json and as_json[0]["value"] == 30000000000 and isinstance(as_json[0]["sentence_entities"], list)
    header, first = list(csv.reader(io.StringIO(cli("query", sql, *db, "--format", "csv").stdout)))[:2]
    assert first[0] == "30000000000" and json.loads(first[1]) == as_json[0]["sentence_entities"]
    no_file = cli("query", "amounts_in_context", *db, "--format", "parquet")
    assert no_file.returncode == 2 and "--output FILE" in no_file.stderr
    target = tmp_path / "amounts.parquet"
    written = cli("query", "amounts_in_context", *db, "--format", "parquet", "--output", str(target))
    assert written.returncode == 0, written.stderr
    count = int(cli("query", "select count(*) from amounts_in_context", *db, "--format", "csv").stdout.split()[1])
    table = pq.read_table(target)   # a file gets every row, not the 100 a printed view shows
    assert table.num_rows == count and f"{count} rows written" in written.stderr
    assert str(table.schema.field("value").type).startswith("decimal")
    as_file = tmp_path / "overview.csv"
    assert cli("query", "article_overview", *db, "--format", "csv", "-o", str(as_file)).stdout == ""
    assert len(as_file.read_text(encoding="utf-8").splitlines()) == 3
    by_extension = tmp_path / "by_extension.parquet"   # no --format: the file's extension says
    assert cli("query", "select 1 as a", *db, "--output", str(by_extension)).returncode == 0
    assert pq.read_table(by_extension).column_names == ["a"]
    unknown = cli("query", "select 1 as a", *db, "--output", str(tmp_path / "out.xlsx"))
    assert unknown.returncode == 2 and "give --format" in unknown.stderr
    # A machine format of a view by name gets every row: only a printed table is cut at 100.
    regions = int(cli("query", "select count(*) from ref_geonames_admin1", *db, "--format", "csv").stdout.split()[1])
    as_lines = cli("query", "ref_geonames_admin1", *db, "--format", "jsonl")
    assert regions > 100 and len(as_lines.stdout.splitlines()) == regions and as_lines.stderr == ""
    printed = cli("query", "ref_geonames_admin1", *db)
    assert printed.stdout.rstrip().endswith("(100 rows)") and "first 100 rows shown" in printed.stderr


def test_search_finds_the_story_once_with_a_snippet_and_as_sql(warehouse_file):
    db = ("--db", str(warehouse_file[0]))
    found = cli("search", "kazajos Tokayev", *db)
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("1.  ") and "\n2.  " not in found.stdout
    assert "**Tokáyev**" in found.stdout and "2 articles of its story match" in found.stdout
    every = json.loads(cli("search", "kazajos Tokayev", "--every-copy", "--format", "json", *db).stdout)
    assert len(every) == 2 and every[0]["score"] >= every[1]["score"] > 0
    assert {"article_id", "snippet", "published_date", "outlet", "url"} <= set(every[0])
    assert cli("search", "críquet", *db).stdout.strip() == "no articles found"
    as_sql = cli("query", "select count(*) from search_articles('Putin')", *db, "--format", "csv")
    assert as_sql.stdout.split() == ["count_star()", "2"]
    nothing = cli("search", "de la", *db)
    assert nothing.returncode == 2 and "nothing to search for" in nothing.stderr
    bad_date = cli("search", "gas", "--since", "ayer", *db)
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    backwards = cli("search", "gas", "--since", "2025-12-01", "--until", "2025-11-01", *db)
    assert backwards.returncode == 2 and "is after --until" in backwards.stderr
    every_copy = cli("search", "kazajos Tokayev", "--every-copy", *db).stdout
    assert "\n2.  " in every_copy and "--every-copy lists them" not in every_copy


def test_export_writes_every_table_and_view_to_parquet_with_a_manifest(warehouse_file, tmp_path):
    import hashlib

    import pyarrow.parquet as pq

    db = ("--db", str(warehouse_file[0]))
    target = tmp_path / "parquet"
    done = cli("export", str(target), *db)
    assert done.returncode == 0, done.stderr
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    relations = {r["name"]: r for r in manifest["relations"]}
    listed = cli("query", "select table_name from information_schema.tables where table_schema = 'main'",
                 "--format", "jsonl", *db).stdout.splitlines()
    assert set(relations) == {json.loads(line)["table_name"] for line in listed}
    assert {"articles", "mentions", "amounts_in_context", "stories"} <= set(relations)
    assert sorted(p.name for p in target.iterdir()) == sorted([r["file"] for r in relations.values()] + ["manifest.json"])
    for relation in relations.values():
        table = pq.read_table(target / relation["file"])
        assert table.num_rows == relation["rows"] and table.column_names == [c["name"] for c in relation["columns"]]
        assert hashlib.sha256((target / relation["file"]).read_bytes()).hexdigest() == relation["sha256"]
    assert relations["articles"]["rows"] == 2 and manifest["last_run"]["kind"] == "ingest"
    assert "articles: 2 rows" in done.stderr and "exported to" in done.stdout

    again = cli("export", str(target), *db)
    assert again.returncode == 2 and "--replace" in again.stderr
    replaced = cli("export", str(target), "--replace", "--only", "articles,runs", "--only", "AMOUNTS_IN_CONTEXT", *db)
    assert replaced.returncode == 0, replaced.stderr
    assert sorted(p.name for p in target.iterdir()) == ["amounts_in_context.parquet", "articles.parquet",
                                                        "manifest.json", "runs.parquet"]
    assert replaced.stdout.startswith("2 tables and 1 view (")
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "a.jpg").write_bytes(b"x")
    refused = cli("export", str(foreign), "--replace", *db)
    assert refused.returncode == 2 and "holds no earlier export" in refused.stderr and (foreign / "a.jpg").exists()
    unknown = cli("export", str(tmp_path / "new"), "--only", "nope", *db)
    assert unknown.returncode == 2 and "no table or view named 'nope'" in unknown.stderr
    assert not (tmp_path / "new").exists() and not list(tmp_path.glob(".*partial"))


def test_delete_retracts_an_article_with_its_facts_and_no_run_loads_it_again(tmp_path, sample_inbox):
    inbox = tmp_path / "inbox"
    shutil.copytree(sample_inbox, inbox)
    db = ("--db", str(tmp_path / "w.duckdb"))
    assert cli("run", "--inbox", str(inbox), *db).returncode == 0

    def count(sql):
        return int(cli("query", sql, "--format", "csv", *db).stdout.splitlines()[1])

    first = cli("query", "select article_id from articles order by loaded_at, source_path limit 1",
                "--format", "csv", *db).stdout.splitlines()[1]
    other_story = "select story_id from articles where article_id <> $id"
    assert cli("query", other_story, "--param", f"id={first}", "--format", "csv", *db).stdout.split()[1] == first
    mentions = count(f"select count(*) from mentions where article_id = '{first}'")
    assert mentions > 0

    dry = cli("delete", "--article", first, "--dry-run", *db)
    assert dry.returncode == 0 and f"would delete 1 article with {mentions} mentions" in dry.stdout
    assert count("select count(*) from articles") == 2
    done = cli("delete", "--article", first, "--reason", "withdrawn by the agency", *db)
    assert done.returncode == 0, done.stderr
    assert "1 other article of their stories was placed in a story again" in done.stdout
    # Gone everywhere, from the snapshot readers see too; the other sample now tells the story alone.
    for table in ("articles", "mentions", "amounts", "article_sentences", "deliveries", "search_documents",
                  "article_paragraphs", "story_keys"):
        assert count(f"select count(*) from {table} where article_id = '{first}'") == 0, table
    assert count("select count(*) from articles where story_id = article_id") == 1
    assert count("select count(*) from search_articles('Tokáyev')") == 1
    assert count("select count(*) from mentions m anti join entities e using (entity_id)") == 0
    retracted = json.loads(cli("query", "article_retractions", "--format", "json", *db).stdout)
    assert [(r["article_id"], r["reason"]) for r in retracted] == [(first, "withdrawn by the agency")]

    # The file delivered again, changed: the retracted article stays out.
    for path in inbox.glob("*.txt"):
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = cli("run", "--inbox", str(inbox), *db)
    assert again.returncode == 0 and count("select count(*) from articles") == 1
    assert count("select count(*) from deliveries d anti join articles a using (article_id)") == 0
    twice = cli("delete", "--article", first, *db)
    assert twice.returncode == 2 and "error: no article with id" in twice.stderr and "deleted before" in twice.stderr

    by_file = cli("query", "select source_path from deliveries limit 1", "--format", "csv", *db).stdout.split()[1]
    gone = cli("delete", "--source-file", by_file, *db)
    assert gone.returncode == 0 and "deleted 1 article" in gone.stdout and count("select count(*) from articles") == 0
    missing = cli("delete", "--article", "no-such-id", *db)
    assert missing.returncode == 2 and "no article with id no-such-id" in missing.stderr
    neither = cli("delete", *db)
    assert neither.returncode == 2 and "one of the arguments --article --source-file is required" in neither.stderr


def test_every_command_has_examples_and_query_help_lists_every_view():
    from warehouse.cli import build_parser
    from warehouse.storage import db

    commands = build_parser()._subparsers._group_actions[0].choices
    for name in commands:
        assert "examples:\n  news-warehouse" in cli(name, "--help").stdout or name == "extract", name
    assert "| news-warehouse extract" in cli("extract", "--help").stdout
    query_help = cli("query", "--help").stdout
    assert all(f"\n  {path.stem} " in query_help for path in db.view_files())
    status_help = " ".join(cli("status", "--help").stdout.split())
    counted = db.read_sql("queries/table_counts.sql")
    assert all(f"'{table}'" in counted or f"from {table}" in counted for table in
               ("articles", "entities", "mentions", "amounts", "deliveries", "source_files", "rejections", "runs"))
    assert "(articles, entities, mentions, amounts, deliveries, source_files, rejections, runs; any other:" in status_help


def test_run_logs_progress_per_batch_and_task_lines_only_when_verbose(tmp_path, sample_inbox):
    quiet = cli("run", "--inbox", str(sample_inbox), "--db", str(tmp_path / "quiet.duckdb"), "--batch-size", "1")
    assert quiet.returncode == 0, quiet.stderr
    progress = [line for line in quiet.stderr.splitlines() if "batch loaded:" in line]
    assert len(progress) == 2 and "1 of " in progress[0] and "2 of 2 articles (100 %)" in progress[1]
    assert progress[1].endswith("articles/s, done") and "Task run" not in quiet.stderr
    verbose = cli("run", "--inbox", str(sample_inbox), "--db", str(tmp_path / "verbose.duckdb"), "--verbose")
    assert verbose.returncode == 0 and "Task run '" in verbose.stderr and "Finished in state Completed()" in verbose.stderr

"""The run's plain steps: which files to read, how articles are batched, which are new."""

from datetime import datetime, timedelta, timezone

from warehouse.ingest import FileRead, plan_batches, read_source, select_changed_files, select_new_articles
from warehouse.reading.articles import ParsedFile, Rejection, make_article
from warehouse.reading.sources import SourceFile, discover_files

T0 = datetime(2025, 1, 1, tzinfo=timezone.utc)
LATER = T0 + timedelta(hours=1)


def selected(files, known, now=LATER, settle_seconds=5):
    selection = select_changed_files(files, known, now=now, settle_seconds=settle_seconds)
    return ([f.path for f in selection.to_read], [f.path for f in selection.unchanged],
            [f.path for f in selection.pending])


def article(path, position, body):
    return make_article(title=None, body=body, published=None, source_path=path, position=position)


def file_read(path, bodies, rejections=(), rejection=None):
    parsed = ParsedFile(articles=[article(path, i, b) for i, b in enumerate(bodies)],
                        rejections=list(rejections))
    return FileRead(SourceFile(path, 10, T0, None), "h", parsed, rejection)


def test_unchanged_files_are_not_read_again():
    files = [SourceFile("a.txt", 10, T0, None), SourceFile("b.txt", 11, T0, None)]
    assert selected(files, {"a.txt": (10, T0, "h", "loaded"), "b.txt": (12, T0, "h", "loaded")}) \
        == (["b.txt"], ["a.txt"], [])


def test_a_file_modified_within_the_settle_time_is_left_for_the_next_run():
    files = [SourceFile("new.txt", 10, LATER - timedelta(seconds=2), None),
             SourceFile("old.txt", 10, LATER - timedelta(seconds=9), None)]
    assert selected(files, {}, settle_seconds=5) == (["old.txt"], [], ["new.txt"])
    assert selected(files, {}, settle_seconds=0) == (["new.txt", "old.txt"], [], [])


def test_a_file_dated_in_the_future_is_read_not_left_pending_forever():
    files = [SourceFile("tomorrow.txt", 10, LATER + timedelta(days=1), None)]
    assert selected(files, {}) == (["tomorrow.txt"], [], [])


def test_a_file_rejected_from_its_name_or_size_is_not_left_pending():
    """Its reason does not depend on its bytes: recorded at once."""
    files = [SourceFile("image.png", 10, LATER, "unsupported file type '.png'")]
    assert selected(files, {}) == (["image.png"], [], [])


def test_a_changed_stat_is_read_and_known_bytes_are_not_parsed_again(tmp_path):
    (tmp_path / "a.txt").write_text("date 2025-01-01 Título\nCuerpo del artículo.\n", encoding="utf-8")
    [source] = discover_files(tmp_path, max_bytes=1000)
    first = read_source(tmp_path, source)
    assert len(first.parsed.articles) == 1 and not first.same_content
    again = read_source(tmp_path, source, loaded_hash=first.content_hash)
    assert again.same_content and again.parsed.articles == []
    [batch] = plan_batches([again], batch_size=10)
    assert batch.same_content == [source] and batch.files == [] and batch.articles == []


def test_rejected_files_are_tried_again_even_when_unchanged():
    """Its fix may lie outside the file: permissions restored, the size limit raised."""
    files = [SourceFile("big.txt", 10, T0, None)]
    assert selected(files, {"big.txt": (10, T0, None, "rejected")}) == (["big.txt"], [], [])


def test_file_record_travels_with_its_last_article():
    reads = [file_read("a.txt", ["1", "2", "3"]), file_read("b.txt", ["4"])]
    batches = list(plan_batches(reads, batch_size=2))
    assert [[a.body for a in b.articles] for b in batches] == [["1", "2"], ["3", "4"]]
    assert [[f.path for f in b.files] for b in batches] == [[], ["a.txt", "b.txt"]]


def test_rejected_file_and_partial_file_are_recorded_with_reasons():
    reads = [file_read("bad.txt", [], rejection="empty file"),
             file_read("part.jsonl", ["1"], rejections=[Rejection("part.jsonl", 2, "invalid JSON")])]
    [batch] = list(plan_batches(reads, batch_size=10))
    records = {f.path: f for f in batch.files}
    assert (records["bad.txt"].status, records["bad.txt"].reason) == ("rejected", "empty file")
    assert records["part.jsonl"].status == "partially_loaded"
    assert records["part.jsonl"].reason == "1 record(s) rejected (lines 2)"
    assert [r.line for r in batch.rejections] == [2]


def test_second_delivery_of_an_article_is_recorded_not_extracted():
    a1, a1_again, a2 = article("a.txt", 0, "uno"), article("b.txt", 3, "uno"), article("b.txt", 4, "dos")
    seen = set()
    hashes = {"a.txt": "ha", "b.txt": "hb"}
    first = select_new_articles([a1], existing_ids=set(), seen_in_run=seen, content_hashes=hashes)
    second = select_new_articles([a1_again, a2], existing_ids=set(), seen_in_run=seen, content_hashes=hashes)
    assert [a.body for a in first.articles] == ["uno"] and [a.body for a in second.articles] == ["dos"]
    assert second.already_present == 1
    assert [(d.source_path, d.position, d.content_hash) for d in second.deliveries] == [
        ("b.txt", 3, "hb"), ("b.txt", 4, "hb")]


def test_articles_already_in_the_warehouse_are_not_new():
    stored = article("a.txt", 0, "uno")
    selection = select_new_articles([stored], existing_ids={stored.article_id}, seen_in_run=set(),
                                    content_hashes={"a.txt": "ha"})
    assert selection.articles == [] and selection.already_present == 1


def test_run_progress_extrapolates_the_total_from_bytes_read_until_all_are_read():
    from warehouse.ingest import RunProgress

    progress = RunProgress(total_bytes=1000, started=0.0)
    progress.read(250, 10)              # a quarter of the bytes held 10 articles
    progress.articles_done = 10
    assert progress.total() == (40, False)
    assert progress.line(now=5.0) == "10 of ~40 articles (25 %), 2.0 articles/s, about 15 s left"
    progress.read(750, 20)              # everything read: the total is known
    progress.articles_done = 30
    assert progress.line(now=15.0) == "30 of 30 articles (100 %), 2.0 articles/s, done"
    assert RunProgress(known_total=7200, started=0.0, articles_done=1).line(now=1.0).endswith("about 1 h 59 min left")
    assert RunProgress(total_bytes=0, started=0.0).line(now=0.0) == "0 of 0 articles, 0.0 articles/s, done"

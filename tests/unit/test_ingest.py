"""The run's plain steps: which files to read, how articles are batched, which are new."""

from datetime import datetime, timezone

from warehouse.articles import ParsedFile, Rejection, make_article
from warehouse.ingest import FileRead, plan_batches, select_changed_files, select_new_articles
from warehouse.sources import SourceFile

T0 = datetime(2025, 1, 1, tzinfo=timezone.utc)


def article(path, position, body):
    return make_article(title=None, body=body, published=None, source_path=path, position=position)


def file_read(path, bodies, rejections=(), rejection=None):
    parsed = ParsedFile(articles=[article(path, i, b) for i, b in enumerate(bodies)],
                        rejections=list(rejections))
    return FileRead(SourceFile(path, 10, T0, None), "h", parsed, rejection)


def test_unchanged_files_are_not_read_again():
    files = [SourceFile("a.txt", 10, T0, None), SourceFile("b.txt", 11, T0, None)]
    to_read, unchanged = select_changed_files(files, {"a.txt": (10, T0, "h", "loaded"),
                                                      "b.txt": (12, T0, "h", "loaded")})
    assert [f.path for f in to_read] == ["b.txt"] and [f.path for f in unchanged] == ["a.txt"]


def test_rejected_files_are_tried_again_even_when_unchanged():
    """Its fix may lie outside the file: permissions restored, the size limit raised."""
    files = [SourceFile("big.txt", 10, T0, None)]
    to_read, unchanged = select_changed_files(files, {"big.txt": (10, T0, None, "rejected")})
    assert [f.path for f in to_read] == ["big.txt"] and unchanged == []


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
    first = select_new_articles([a1], existing_ids=set(), seen_in_run=seen)
    second = select_new_articles([a1_again, a2], existing_ids=set(), seen_in_run=seen)
    assert [a.body for a in first.articles] == ["uno"] and [a.body for a in second.articles] == ["dos"]
    assert second.already_present == 1
    assert [(d.source_path, d.position) for d in second.deliveries] == [("b.txt", 3), ("b.txt", 4)]


def test_articles_already_in_the_warehouse_are_not_new():
    stored = article("a.txt", 0, "uno")
    selection = select_new_articles([stored], existing_ids={stored.article_id}, seen_in_run=set())
    assert selection.articles == [] and selection.already_present == 1

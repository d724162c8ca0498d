"""The steps of one ingest run as plain functions over plain data.

The Prefect flow (`flows/ingest.py`) calls these in order; tests call them without Prefect:
select changed files -> read them -> plan batches of N articles -> keep the new articles ->
(extract) -> (load) -> summarise.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from warehouse.articles import Article, ParsedFile, Rejection, parse_file_text
from warehouse.load import Delivery, FileRecord
from warehouse.sources import SourceFile, UnreadableFile, read_file


@dataclass(frozen=True)
class FileRead:
    source: SourceFile
    content_hash: str | None
    parsed: ParsedFile
    rejection: str | None        # the whole file is unusable, with this reason


def select_changed_files(files: list[SourceFile], known: dict[str, tuple]) -> tuple[list[SourceFile], list[SourceFile]]:
    """(to read, unchanged): a file with the same path, size and mtime as one already recorded
    is not read again, unless it was rejected: what made it unusable may lie outside the file
    (permissions, the size limit), and re-rejecting is cheap. `known` maps path to
    (size, mtime, content hash, status) as `known_source_files` returns."""
    to_read, unchanged = [], []
    for source in files:
        seen = known.get(source.path)
        if seen is not None and seen[0] == source.size and seen[1] == source.mtime and seen[3] != "rejected":
            unchanged.append(source)
        else:
            to_read.append(source)
    return to_read, unchanged


def read_source(inbox: Path, source: SourceFile) -> FileRead:
    """Read and parse one file; a bad file becomes a FileRead with a rejection reason."""
    if source.rejection:
        return FileRead(source, None, ParsedFile(), source.rejection)
    try:
        content = read_file(inbox, source)
    except UnreadableFile as error:
        return FileRead(source, None, ParsedFile(), str(error))
    parsed = parse_file_text(content.text, source.path)
    if not parsed.articles:
        reasons = "; ".join(r.reason for r in parsed.rejections[:3]) or "no article found"
        return FileRead(source, content.content_hash, parsed, reasons)
    return FileRead(source, content.content_hash, parsed, None)


def file_record(read: FileRead) -> FileRecord:
    """What `source_files` stores for a file after this run."""
    parsed = read.parsed
    if read.rejection:
        status, reason = "rejected", read.rejection
    elif parsed.rejections:
        status = "partially_loaded"
        lines = ", ".join(str(r.line) for r in parsed.rejections[:10] if r.line is not None)
        reason = f"{len(parsed.rejections)} record(s) rejected" + (f" (lines {lines})" if lines else "")
    else:
        status, reason = "loaded", None
    return FileRecord(
        path=read.source.path, content_hash=read.content_hash, size_bytes=read.source.size,
        modified_at=read.source.mtime, status=status, reason=reason,
        articles_found=len(parsed.articles), records_rejected=len(parsed.rejections),
    )


@dataclass
class PlannedBatch:
    articles: list[Article] = field(default_factory=list)     # every delivery, repeats included
    files: list[FileRecord] = field(default_factory=list)     # files whose last article is here
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def plan_batches(reads: Iterable[FileRead], batch_size: int) -> Iterator[PlannedBatch]:
    """Group articles into batches of at most `batch_size`, in file order.

    A file's record travels with its last article, so it is marked loaded only when all of its
    articles are stored; a run that dies earlier reads the file again next time.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    batch = PlannedBatch()
    for read in reads:
        batch.rejections.extend(read.parsed.rejections)
        batch.warnings.extend(read.parsed.warnings)
        articles = [] if read.rejection else read.parsed.articles
        for index, article in enumerate(articles):
            batch.articles.append(article)
            if index == len(articles) - 1:
                batch.files.append(file_record(read))
            if len(batch.articles) >= batch_size:
                yield batch
                batch = PlannedBatch()
        if not articles:
            batch.files.append(file_record(read))
    if batch.articles or batch.files or batch.rejections or batch.warnings:
        yield batch


@dataclass(frozen=True)
class NewArticles:
    articles: list[Article]        # to extract and store
    deliveries: list[Delivery]     # every delivery of the batch, to record
    already_present: int           # deliveries of articles stored before or earlier in this run


def select_new_articles(articles: list[Article], existing_ids: set[str], seen_in_run: set[str]) -> NewArticles:
    """Keep the first delivery of each article not yet stored; `seen_in_run` is updated."""
    new, deliveries, present = [], [], 0
    for article in articles:
        deliveries.append(Delivery(article.article_id, article.source_path, article.position))
        if article.article_id in existing_ids or article.article_id in seen_in_run:
            present += 1
            continue
        seen_in_run.add(article.article_id)
        new.append(article)
    return NewArticles(new, deliveries, present)


@dataclass
class RunCounts:
    files_seen: int = 0
    files_unchanged: int = 0
    files_rejected: int = 0
    articles_loaded: int = 0
    articles_present: int = 0
    records_rejected: int = 0
    entities_added: int = 0
    mentions_loaded: int = 0
    amounts_loaded: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class RunSummary:
    run_id: str
    db_path: str
    inbox: str
    status: str
    seconds: float
    counts: RunCounts
    rejected: list[tuple[str, int | None, str]] = field(default_factory=list)  # (path, line, reason)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The short human summary `news-warehouse run` prints."""
        c = self.counts
        out = [
            f"run {self.run_id}: {self.status} in {self.seconds:.1f} s -> {self.db_path}",
            f"files seen {c.files_seen} (unchanged {c.files_unchanged}, rejected {c.files_rejected})",
            f"articles loaded {c.articles_loaded}, already present {c.articles_present}, "
            f"rejected {c.records_rejected}",
            f"entities added {c.entities_added}, mentions {c.mentions_loaded}, amounts {c.amounts_loaded}",
        ]
        out += [f"rejected: {path}{f':{line}' if line else ''}: {reason}" for path, line, reason in self.rejected]
        out += [f"warning: {warning}" for warning in self.warnings]
        return out

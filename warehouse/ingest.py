"""The steps of one ingest run as plain functions over plain data.

The Prefect flow (`flows/ingest.py`) calls these in order; tests call them without Prefect:
select changed files -> read them -> plan batches of N articles -> keep the new articles ->
(extract) -> (load) -> summarise.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from warehouse.extraction.extract import Extraction, StageSeconds
from warehouse.reading.articles import Article, ParsedFile, Rejection, parse_file_text
from warehouse.reading.language import is_spanish_code
from warehouse.reading.sources import SourceFile, UnreadableFile, read_file
from warehouse.storage.load import Delivery, FileRecord, LoadCounts


@dataclass(frozen=True)
class FileRead:
    source: SourceFile
    content_hash: str | None
    parsed: ParsedFile
    rejection: str | None        # the whole file is unusable, with this reason
    same_content: bool = False   # touched or copied again with the bytes already loaded: not parsed
    encoding: str | None = None  # what its bytes were decoded as


@dataclass(frozen=True)
class FileSelection:
    to_read: list[SourceFile]
    unchanged: list[SourceFile]          # same size and mtime as when loaded: not even opened
    pending: list[SourceFile]            # modified too recently: maybe still being written
    loaded_hashes: dict[str, str]        # path -> hash of the bytes loaded before, for files to read


FUTURE_MTIME_TOLERANCE_SECONDS = 60


def select_changed_files(files: list[SourceFile], known: dict[str, tuple], *, now: datetime,
                         settle_seconds: float) -> FileSelection:
    """Which files this run reads.

    A file with the same path, size and mtime as one already loaded is not read again. A rejected
    file is, every run: what made it unusable may lie outside it (permissions, the size limit), and
    re-rejecting is cheap. A file modified less than `settle_seconds` ago may still be being
    written (a copy, an upload), so it is left for the next run. `known` maps path to
    (size, mtime, content hash, status) as `known_source_files` returns."""
    settled_before = now - timedelta(seconds=settle_seconds)
    # A time further ahead than clock drift explains says nothing about a write in progress.
    future_limit = now + timedelta(seconds=FUTURE_MTIME_TOLERANCE_SECONDS)
    selection = FileSelection([], [], [], {})
    for source in files:
        seen = known.get(source.path)
        loaded = seen is not None and seen[3] != "rejected"
        if loaded and seen[0] == source.size and seen[1] == source.mtime:
            selection.unchanged.append(source)
        elif settled_before < source.mtime <= future_limit and not source.rejection:
            selection.pending.append(source)
        else:
            selection.to_read.append(source)
            if loaded and seen[2]:
                selection.loaded_hashes[source.path] = seen[2]
    return selection


def read_source(inbox: Path, source: SourceFile, loaded_hash: str | None = None) -> FileRead:
    """Read and parse one file; a bad file becomes a FileRead with a rejection reason. When its
    bytes hash to `loaded_hash` (what was loaded from this path before) it is not parsed again."""
    if source.rejection:
        return FileRead(source, None, ParsedFile(), source.rejection)
    try:
        content = read_file(inbox, source)
    except UnreadableFile as error:
        return FileRead(source, None, ParsedFile(), str(error))
    if content.content_hash == loaded_hash:
        return FileRead(source, content.content_hash, ParsedFile(), None, same_content=True)
    parsed = parse_file_text(content.text, source.path)
    if not parsed.articles:
        reasons = "; ".join(r.reason for r in parsed.rejections[:3]) or "no article found"
        return FileRead(source, content.content_hash, parsed, reasons, encoding=content.encoding)
    return FileRead(source, content.content_hash, parsed, None, encoding=content.encoding)


DECODED_AS_CP1252 = "not valid UTF-8: decoded as Windows-1252 (cp1252)"


def not_spanish_reason(language: str | None) -> str:
    return f"not Spanish (detected {language}): stored without extraction"


def run_warnings(read: FileRead) -> list[str]:
    """The run summary's warning lines for a file: its encoding, each article not in Spanish,
    and the parser's own (an impossible date, text before the first header)."""
    lines = [f"{read.source.path}: {DECODED_AS_CP1252}"] if read.encoding == "cp1252" else []
    lines += read.parsed.warnings
    lines += [f"{read.source.path}: article {a.position + 1}: {not_spanish_reason(a.language)}"
              for a in read.parsed.articles if not is_spanish_code(a.language)]
    return lines


def file_warnings(read: FileRead) -> list[str]:
    """The same, summed up for the file's one-line `reason` in `source_files`."""
    notes = [DECODED_AS_CP1252] if read.encoding == "cp1252" else []
    not_spanish = Counter(a.language for a in read.parsed.articles if not is_spanish_code(a.language))
    notes += [f"{count} article(s) {not_spanish_reason(language)}" for language, count in sorted(not_spanish.items())]
    if read.parsed.warnings:
        first = read.parsed.warnings[0].removeprefix(read.source.path).lstrip(":0123456789 ")
        more = len(read.parsed.warnings) - 1
        notes.append(first + (f" (and {more} more warning(s) in the run summary)" if more else ""))
    return notes


def file_record(read: FileRead) -> FileRecord:
    """What `source_files` stores for a file after this run."""
    parsed = read.parsed
    notes = file_warnings(read)
    if read.rejection:
        status, reason = "rejected", read.rejection
    elif parsed.rejections:
        status = "partially_loaded"
        lines = ", ".join(str(r.line) for r in parsed.rejections[:10] if r.line is not None)
        reason = "; ".join([f"{len(parsed.rejections)} record(s) rejected" + (f" (lines {lines})" if lines else "")]
                           + notes)
    elif notes:
        status, reason = "loaded_with_warnings", "; ".join(notes)
    else:
        status, reason = "loaded", None
    return FileRecord(
        path=read.source.path, content_hash=read.content_hash, size_bytes=read.source.size,
        modified_at=read.source.mtime, status=status, reason=reason,
        articles_found=len(parsed.articles), records_rejected=len(parsed.rejections),
        encoding=read.encoding,
    )


@dataclass
class PlannedBatch:
    articles: list[Article] = field(default_factory=list)     # every delivery, repeats included
    files: list[FileRecord] = field(default_factory=list)     # files whose last article is here
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    content_hashes: dict[str, str] = field(default_factory=dict)  # path -> sha256 of files read here
    same_content: list[SourceFile] = field(default_factory=list)  # read, found unchanged: stat refreshed


def plan_batches(reads: Iterable[FileRead], batch_size: int) -> Iterator[PlannedBatch]:
    """Group articles into batches of at most `batch_size`, in file order.

    A file's record travels with its last article, so it is marked loaded only when all of its
    articles are stored; a run that dies earlier reads the file again next time.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    batch = PlannedBatch()
    for read in reads:
        if read.same_content:
            batch.same_content.append(read.source)
            continue
        batch.rejections.extend(read.parsed.rejections)
        batch.warnings.extend(run_warnings(read))
        if read.content_hash:
            batch.content_hashes[read.source.path] = read.content_hash
        articles = [] if read.rejection else read.parsed.articles
        for index, article in enumerate(articles):
            batch.articles.append(article)
            batch.content_hashes[read.source.path] = read.content_hash
            if index == len(articles) - 1:
                batch.files.append(file_record(read))
            if len(batch.articles) >= batch_size:
                yield batch
                batch = PlannedBatch()
        if not articles:
            batch.files.append(file_record(read))
    if batch.articles or batch.files or batch.rejections or batch.warnings or batch.same_content:
        yield batch


@dataclass(frozen=True)
class NewArticles:
    articles: list[Article]        # to extract and store
    deliveries: list[Delivery]     # every delivery of the batch, to record
    already_present: int           # deliveries of articles stored before or earlier in this run


def select_new_articles(articles: list[Article], existing_ids: set[str], seen_in_run: set[str],
                        content_hashes: dict[str, str]) -> NewArticles:
    """Keep the first delivery of each article not yet stored; `seen_in_run` is updated.
    `content_hashes` maps each delivering file to the hash of its bytes (a delivery's identity)."""
    new, deliveries, present = [], [], 0
    for article in articles:
        deliveries.append(Delivery(article.article_id, article.source_path, article.position,
                                   content_hashes[article.source_path]))
        if article.article_id in existing_ids or article.article_id in seen_in_run:
            present += 1
            continue
        seen_in_run.add(article.article_id)
        new.append(article)
    return NewArticles(new, deliveries, present)


def to_extract(articles: list) -> list:
    """The articles the Spanish extractors may read: those not judged to be in another language.
    (Articles or stored articles: anything with `language`.)"""
    return [a for a in articles if is_spanish_code(a.language)]


def one_extraction_per_article(articles: list, extracted: list[Extraction]) -> list[Extraction]:
    """Extractions in article order, an empty one for each article left unextracted."""
    by_id = {e.article_id: e for e in extracted}
    return [by_id.get(a.article_id) or Extraction(a.article_id, (), (), ()) for a in articles]


class StageClock:
    """Seconds per stage of a run, as `run_stages` stores them."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def timing(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - started

    def add_extraction(self, seconds: StageSeconds) -> None:
        for stage, value in seconds.__dict__.items():
            self.seconds[stage] += value


@dataclass
class RunProgress:
    """How far a run is: articles done of the total, the rate, the time left, as one line.

    The total is known only once every file is read, and files are read as batches go; until
    then it is extrapolated from the bytes read so far (`~3,000`), which is exact for an inbox of
    similar files and settles as reading goes. Reprocess runs know their total (`known_total`)."""
    total_bytes: int = 0
    known_total: int | None = None
    started: float = field(default_factory=time.perf_counter)
    bytes_read: int = 0
    articles_read: int = 0
    articles_done: int = 0

    def read(self, source_bytes: int, articles: int) -> None:
        self.bytes_read += source_bytes
        self.articles_read += articles

    def total(self) -> tuple[int, bool]:
        """(total articles, exact?)"""
        if self.known_total is not None:
            return self.known_total, True
        if self.bytes_read >= self.total_bytes or self.bytes_read == 0:
            return self.articles_read, True
        return max(self.articles_read, round(self.articles_read * self.total_bytes / self.bytes_read)), False

    def line(self, now: float | None = None) -> str:
        elapsed = (time.perf_counter() if now is None else now) - self.started
        total, exact = self.total()
        rate = self.articles_done / elapsed if elapsed > 0 else 0.0
        share = f" ({100 * self.articles_done / total:.0f} %)" if total else ""
        left = total - self.articles_done
        if left <= 0:
            eta = "done"
        elif rate > 0:
            eta = f"about {_duration(left / rate)} left"
        else:
            eta = "time left not known yet"
        return (f"{self.articles_done:,} of {'' if exact else '~'}{total:,} articles{share}, "
                f"{rate:.1f} articles/s, {eta}")


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


@dataclass
class RunCounts:
    files_seen: int = 0
    files_unchanged: int = 0
    files_pending: int = 0
    files_rejected: int = 0
    articles_loaded: int = 0
    articles_present: int = 0
    articles_reprocessed: int = 0
    records_rejected: int = 0
    entities_added: int = 0
    mentions_loaded: int = 0
    amounts_loaded: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)

    def add_batch(self, planned: PlannedBatch, new: NewArticles, added: LoadCounts) -> int:
        """Count a loaded batch; returns its deliveries of articles already present (stored before
        this batch, or by a retried load whose first attempt committed)."""
        present = new.already_present + len(new.articles) - added.articles
        self.files_unchanged += len(planned.same_content)
        self.files_rejected += sum(record.status == "rejected" for record in planned.files)
        self.articles_loaded += added.articles
        self.articles_present += present
        self.mentions_loaded += added.mentions
        self.amounts_loaded += added.amounts
        self.records_rejected += len(planned.rejections)
        return present


def rejected_items(planned: PlannedBatch) -> list[tuple[str, int | None, str]]:
    """(path, line, reason) of each rejected record, and of each rejected file that has none."""
    items = [(r.source_path, r.line, r.reason) for r in planned.rejections]
    items += [(f.path, None, f.reason) for f in planned.files if f.status == "rejected" and not f.records_rejected]
    return items


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
    kind: str = "ingest"                 # or reprocess

    def lines(self) -> list[str]:
        """The short human summary `news-warehouse run` (or `reprocess`) prints."""
        c = self.counts
        if self.kind == "reprocess":
            return [f"reprocess run {self.run_id}: {self.status} in {self.seconds:.1f} s -> {self.db_path}",
                    f"articles re-extracted {c.articles_reprocessed}",
                    f"entities net change {c.entities_added:+d} (new ones, less those no longer mentioned), "
                    f"mentions {c.mentions_loaded}, amounts {c.amounts_loaded}"]
        out = [
            f"run {self.run_id}: {self.status} in {self.seconds:.1f} s -> {self.db_path}",
            f"files seen {c.files_seen} (unchanged {c.files_unchanged}, rejected {c.files_rejected}, "
            f"still being written {c.files_pending})",
            f"articles loaded {c.articles_loaded}, already present {c.articles_present}, "
            f"rejected {c.records_rejected}",
            f"entities added {c.entities_added}, mentions {c.mentions_loaded}, amounts {c.amounts_loaded}",
        ]
        out += [f"rejected: {path}{f':{line}' if line else ''}: {reason}" for path, line, reason in self.rejected]
        out += [f"warning: {warning}" for warning in self.warnings]
        return out

"""Find delivered files in an inbox, fingerprint them, and read them as text.

Nothing in the inbox is ever modified. A file that cannot be used is classified with a one-line
reason instead of stopping the run.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".jsonl")


class InboxError(Exception):
    """The inbox itself is unusable (missing, not a directory): a user error, not a bad file."""


@dataclass(frozen=True)
class SourceFile:
    path: str                 # relative to the inbox, with `/` separators: the file's identity
    size: int
    mtime: datetime
    rejection: str | None     # why the file is not read at all, decided from its name and stat


@dataclass(frozen=True)
class FileContent:
    text: str
    content_hash: str         # sha256 of the bytes as delivered


class UnreadableFile(Exception):
    """A file whose bytes cannot be used; str(error) is the recorded one-line reason."""


def discover_files(inbox: Path, *, max_bytes: int) -> list[SourceFile]:
    """Every regular file below `inbox` (hidden ones skipped), sorted by path."""
    inbox = Path(inbox)
    if not inbox.exists():
        raise InboxError(f"inbox not found: {inbox}")
    if not inbox.is_dir():
        raise InboxError(f"inbox is not a directory: {inbox}")
    found = []
    for path in sorted(inbox.rglob("*")):
        relative = path.relative_to(inbox)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_symlink():
            # Never followed: a link could lead outside the inbox or loop.
            found.append(SourceFile(relative.as_posix(), 0, _epoch(), "symbolic link not followed"))
            continue
        if not path.is_file():
            continue
        stat = path.stat()
        mtime = datetime.fromtimestamp(stat.st_mtime, tz=timezone.utc)
        found.append(SourceFile(relative.as_posix(), stat.st_size, mtime,
                                _classify(path, stat.st_size, max_bytes)))
    return found


def _epoch() -> datetime:
    return datetime.fromtimestamp(0, tz=timezone.utc)


def _classify(path: Path, size: int, max_bytes: int) -> str | None:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return f"unsupported file type {path.suffix or '(none)'!r}: expected .txt or .jsonl"
    if size == 0:
        return "empty file"
    if size > max_bytes:
        return f"file of {size} bytes is over the {max_bytes}-byte limit"
    return None


def read_file(inbox: Path, source: SourceFile) -> FileContent:
    """The file's text (UTF-8) and hash; raises UnreadableFile with the reason otherwise."""
    try:
        data = (Path(inbox) / source.path).read_bytes()
    except OSError as error:
        raise UnreadableFile(f"cannot read file: {error.strerror or error}") from error
    if b"\x00" in data:
        raise UnreadableFile("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"not valid UTF-8 at byte {error.start}") from error
    if not text.strip():
        raise UnreadableFile("file holds only white space")
    return FileContent(text=text, content_hash=hashlib.sha256(data).hexdigest())

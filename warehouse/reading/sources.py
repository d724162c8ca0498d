"""Find delivered files in an inbox, fingerprint them, and read them as text.

Nothing in the inbox is ever modified. A file that cannot be used is classified with a one-line
reason instead of stopping the run.
"""

from __future__ import annotations

import hashlib
import os
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
    encoding: str = "utf-8"   # or "cp1252" when the bytes are clearly Windows-1252 (see read_file)


# Every character outside ASCII that Spanish news written in Windows-1252 (or Latin-1) uses:
# letters with accents, ñ, ü, inverted marks, guillemets, ordinals, typographic quotes and
# dashes, the euro and degree signs. Bytes from another encoding decoded as cp1252 come out as
# other characters (`Ã³` for UTF-8 `ó`, `Ð`, `þ`, box symbols), so they tell the two apart.
_SPANISH_CP1252 = frozenset("áéíóúüñÁÉÍÓÚÜÑ¿¡«»ºª€–—‘’“”…°·çÇàèìòùÀÈÌÒÙâêîôûïöäë")


class UnreadableFile(Exception):
    """A file whose bytes cannot be used; str(error) is the recorded one-line reason."""


def discover_files(inbox: Path, *, max_bytes: int) -> list[SourceFile]:
    """Every entry below `inbox` that could be a delivery (hidden ones skipped), sorted by path.
    What cannot be read is listed too, with its reason, so nothing in the inbox goes unseen:
    symbolic links (never followed: one could lead outside the inbox or loop), folders that
    cannot be opened, names that are not UTF-8, pipes, sockets and devices."""
    inbox = Path(inbox)
    if not inbox.exists():
        raise InboxError(f"inbox not found: {inbox}")
    if not inbox.is_dir():
        raise InboxError(f"inbox is not a directory: {inbox}")
    found: list[SourceFile] = []
    _visit(str(inbox), "", max_bytes, found)
    return sorted(found, key=lambda source: source.path)


def _visit(directory: str, relative: str, max_bytes: int, found: list[SourceFile]) -> None:
    try:
        with os.scandir(directory) as listing:
            entries = list(listing)
    except OSError as error:
        found.append(_unusable(relative or ".", f"folder cannot be read: {error.strerror or error}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = f"{relative}/{entry.name}" if relative else entry.name
        shown = _printable(path)
        if shown != path:
            # Such a name cannot be stored as text (nor, often, typed): it is named with U+FFFD.
            found.append(_unusable(shown, "file name is not valid UTF-8: rename it"))
        elif entry.is_symlink():
            found.append(_unusable(path, "symbolic link not followed"))
        elif entry.is_dir(follow_symlinks=False):
            _visit(entry.path, path, max_bytes, found)
        elif not entry.is_file(follow_symlinks=False):
            found.append(_unusable(path, "not a regular file (a pipe, socket or device)"))
        else:
            stat = entry.stat(follow_symlinks=False)
            mtime = datetime.fromtimestamp(stat.st_mtime, tz=timezone.utc)
            found.append(SourceFile(path, stat.st_size, mtime, _classify(Path(entry.name), stat.st_size, max_bytes)))


def _unusable(path: str, reason: str) -> SourceFile:
    return SourceFile(path, 0, _epoch(), reason)


def _printable(path: str) -> str:
    """The path as UTF-8 text: bytes that are not UTF-8 (surrogate escapes) become U+FFFD."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


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
    encoding = "utf-8"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = clearly_cp1252(data)
        if text is None:
            raise UnreadableFile(f"not valid UTF-8 at byte {error.start}, nor clearly Windows-1252 "
                                 f"Spanish text") from error
        encoding = "cp1252"
    if not text.strip():
        raise UnreadableFile("file holds only white space")
    return FileContent(text=text, content_hash=hashlib.sha256(data).hexdigest(), encoding=encoding)


def clearly_cp1252(data: bytes) -> str | None:
    """The text of bytes that are plainly Spanish in Windows-1252 (the usual encoding of older
    Windows tools; Latin-1 is a subset for every printable character), else None: every byte
    must be defined in cp1252 and every non-ASCII character one Spanish text uses. UTF-8 with a
    broken byte fails this (its other accents decode as `Ã³`), as do other encodings."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    unusual = [c for c in text if ord(c) > 127 and c not in _SPANISH_CP1252]
    return None if unusual else text

"""Inbox discovery and reading: every file is either readable text or has a one-line reason."""

import os
import re

import pytest

from warehouse.sources import InboxError, UnreadableFile, discover_files, read_file


def by_path(files):
    return {f.path: f for f in files}


def test_discovery_classifies_files_without_reading_them(tmp_path):
    (tmp_path / "a.txt").write_text("date 2025-01-01 T\n\nCuerpo.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "big.txt").write_text("x" * 200, encoding="utf-8")
    os.symlink("/etc/hostname", tmp_path / "link.txt")
    files = by_path(discover_files(tmp_path, max_bytes=100))
    assert sorted(files) == ["a.txt", "big.txt", "empty.txt", "link.txt", "notes.pdf", "sub/b.jsonl"]
    assert files["a.txt"].rejection is None and files["sub/b.jsonl"].rejection is None
    assert files["empty.txt"].rejection == "empty file"
    assert files["notes.pdf"].rejection.startswith("unsupported file type '.pdf'")
    assert "over the 100-byte limit" in files["big.txt"].rejection
    assert files["link.txt"].rejection == "symbolic link not followed"


@pytest.mark.parametrize("content, reason", [
    (b"date 2025\x00\x01", "binary file (contains NUL bytes)"),
    ("date 2025-01-01 Año".encode("latin-1"), "not valid UTF-8 at byte 17"),
    (b"  \n\n ", "file holds only white space"),
], ids=["binary", "latin-1", "blank"])
def test_unusable_bytes_are_rejected_with_reason(tmp_path, content, reason):
    (tmp_path / "f.txt").write_bytes(content)
    [source] = discover_files(tmp_path, max_bytes=10_000)
    with pytest.raises(UnreadableFile, match=re.escape(reason)):
        read_file(tmp_path, source)


def test_read_gives_text_and_content_hash(tmp_path):
    (tmp_path / "f.txt").write_text("date 2025-01-01 Año", encoding="utf-8")
    [source] = discover_files(tmp_path, max_bytes=10_000)
    content = read_file(tmp_path, source)
    assert content.text == "date 2025-01-01 Año" and len(content.content_hash) == 64


def test_missing_inbox_is_a_user_error(tmp_path):
    with pytest.raises(InboxError, match="inbox not found"):
        discover_files(tmp_path / "nope", max_bytes=1)

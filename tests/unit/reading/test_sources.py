"""Inbox discovery and reading: every file is either readable text or has a one-line reason."""

import os
import re

import pytest

from warehouse.reading.sources import InboxError, UnreadableFile, discover_files, read_file


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


def test_a_symlinked_folder_is_recorded_and_never_entered(tmp_path):
    inbox, outside = tmp_path / "inbox", tmp_path / "outside"
    inbox.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("date 2025-01-01 Fuera\n\nNo debe leerse.", encoding="utf-8")
    os.symlink(outside, inbox / "elsewhere")
    files = by_path(discover_files(inbox, max_bytes=10_000))
    assert list(files) == ["elsewhere"] and files["elsewhere"].rejection == "symbolic link not followed"


@pytest.mark.parametrize("content, reason", [
    (b"date 2025\x00\x01", "binary file (contains NUL bytes)"),
    ("date 2025-01-01 Año".encode("utf-16"), "binary file (contains NUL bytes)"),
    # UTF-8 with one broken byte: read as cp1252, its other accents would be `Ã±`, `Ã³`.
    ("date 2025-01-01 Año de acción".encode("utf-8") + b" \xe9", "not valid UTF-8 at byte 32, nor clearly"),
    (b"date 2025-01-01 \x81\x8d caf\xe9", "not valid UTF-8 at byte 16, nor clearly Windows-1252"),
    ("date 2025-01-01 Ωμέγα".encode("cp1253"), "nor clearly Windows-1252 Spanish text"),
    (b"  \n\n ", "file holds only white space"),
], ids=["binary", "utf-16", "broken-utf-8", "undefined-in-cp1252", "greek", "blank"])
def test_unusable_bytes_are_rejected_with_reason(tmp_path, content, reason):
    (tmp_path / "f.txt").write_bytes(content)
    [source] = discover_files(tmp_path, max_bytes=10_000)
    with pytest.raises(UnreadableFile, match=re.escape(reason)):
        read_file(tmp_path, source)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_spanish_in_windows_1252_or_latin_1_is_decoded_and_says_so(tmp_path, encoding):
    text = "date 2025-01-01 Año nuevo\n\nEl «acuerdo» costó 5 pesos (¿mucho?); Núñez, pingüino, 3.º" \
        + ("" if encoding == "latin-1" else " – “dijo”… 5 €")
    (tmp_path / "f.txt").write_bytes(text.encode(encoding))
    [source] = discover_files(tmp_path, max_bytes=10_000)
    content = read_file(tmp_path, source)
    assert (content.text, content.encoding) == (text, "cp1252")


def test_read_gives_text_and_content_hash(tmp_path):
    (tmp_path / "f.txt").write_text("date 2025-01-01 Año", encoding="utf-8")
    [source] = discover_files(tmp_path, max_bytes=10_000)
    content = read_file(tmp_path, source)
    assert content.text == "date 2025-01-01 Año" and len(content.content_hash) == 64
    assert content.encoding == "utf-8"


def test_missing_inbox_is_a_user_error(tmp_path):
    with pytest.raises(InboxError, match="inbox not found"):
        discover_files(tmp_path / "nope", max_bytes=1)

"""Parse delivered files into Article records.

Two formats arrive in the inbox:
- raw scraped text (`*.txt`): one or more articles, each opened by a `date YYYY-MM-DD` header,
  with the title on the header line (or none), a reading-time line, the body, a closing agency
  signature and byline initials (see seeds/articles/ and the README's "Input formats");
- JSON Lines (`*.jsonl`): one article a line, `{"title", "text", "date", "source", "url", "id"}`.

Readers never raise on bad content: what cannot be used is returned as a `Rejection` with a
one-line reason, so the rest of the file still loads.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from warehouse.reading.dateline import parse_dateline
from warehouse.reading.language import detect_language
from warehouse.seeds import read_seed, split_list


@dataclass(frozen=True)
class Article:
    article_id: str          # sha256 of the normalised title and body (see `article_id`)
    title: str | None
    body: str                # the stored text; every offset in the warehouse points into it
    published: date | None
    dateline_place: str | None
    agency: str | None
    source_path: str         # path of the delivering file, relative to the inbox
    position: int            # 0-based index of the article within that file
    outlet: str | None = None      # JSONL `source` (newspaper), when given
    url: str | None = None
    source_ref: str | None = None  # JSONL `id`, when given
    language: str | None = None    # ISO 639-1 code detected from the body; None: too short to judge


@dataclass(frozen=True)
class Rejection:
    source_path: str
    line: int | None         # 1-based line in the file, when the problem has one
    reason: str


_JSON_TYPE_NAMES = {int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "an object"}

# spaCy's own default `nlp.max_length`: past it the model refuses the text (E088) and needs
# about 1 GB of memory per 100,000 characters. No news article comes near it; a body this long
# is a mis-split file or not an article, so it is rejected with its reason.
MAX_BODY_CHARS = 1_000_000


def body_problem(body: str) -> str | None:
    """Why a body cannot be extracted, or None."""
    try:
        body.encode("utf-8")
    except UnicodeEncodeError:   # a JSON `\ud800` escape: a lone surrogate no UTF-8 can hold
        return "text contains an unpaired Unicode surrogate (e.g. an escaped \\ud800)"
    if len(body) > MAX_BODY_CHARS:
        return f"article text has {len(body):,} characters, over the {MAX_BODY_CHARS:,} limit"
    return None


@dataclass(frozen=True)
class ParsedFile:
    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def normalise_for_id(text: str) -> str:
    """Text with Unicode compatibility forms folded and all runs of white space as one space.

    Two deliveries of one article differ in line endings, trailing blanks and NFC/NFD forms,
    never in words, so this is what the article id hashes.
    """
    return " ".join(unicodedata.normalize("NFKC", text).split())


def article_id(title: str | None, body: str) -> str:
    """A stable id from content: sha256, the same on every DuckDB and Python version."""
    content = normalise_for_id(title or "") + "\x1f" + normalise_for_id(body)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def make_article(*, title: str | None, body: str, published: date | None, source_path: str,
                 position: int, agency: str | None = None, **extra: str | None) -> Article:
    """An Article with its id and dateline attributes filled in.

    Title and body are stored in Unicode NFC: a decomposed `Moscú` (u + combining accent, as
    some macOS tools write) would otherwise escape the dateline, the figure grammar's word
    lists and the seeds, which are all written composed. NFC changes no character a reader
    sees, so offsets into the stored body stay meaningful."""
    title = unicodedata.normalize("NFC", title) if title else title
    body = unicodedata.normalize("NFC", body)
    dateline = parse_dateline(body)
    return Article(
        article_id=article_id(title, body),
        title=title,
        body=body,
        published=published,
        dateline_place=dateline.place if dateline else None,
        agency=dateline.agency if dateline else agency,
        source_path=source_path,
        position=position,
        language=detect_language(body).language,
        **extra,
    )


# --- raw scraped text ----------------------------------------------------------------------

# A header may follow the previous article's byline initials on the same line (`mos/lar date ...`).
_BYLINE = r"[a-záéíóúñ]{2,6}(?:/[a-záéíóúñ]{2,6})+"
_HEADER = re.compile(rf"(?m)^[ \t]*(?:{_BYLINE}[ \t]+)?date[ \t]+(?P<date>\d{{4}}-\d{{2}}-\d{{2}})[ \t]*")
_BYLINE_PARAGRAPH = re.compile(rf"^{_BYLINE}$")
_READING_TIME = re.compile(r"^\d{1,3}\s+min(?:uto)?s?(?:\s+de\s+lectura)?\.?$", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# A title is a short line without closing punctuation; a first paragraph ends a sentence.
TITLE_MAX_CHARS = 200
_SENTENCE_END = (".", ":", ";", ",")


@lru_cache(maxsize=1)
def _signature_pattern() -> re.Pattern[str]:
    names = []
    for row in read_seed("agencies"):
        names.append(row["name"])
        names.extend(split_list(row["aliases"]))
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    # `... últimas semanas. EFE` : the agency name alone after the last sentence.
    return re.compile(rf"(?<=[.!?»\"”'])\s+(?P<agency>{alternatives})\s*$")


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def parse_raw_text(text: str, source_path: str) -> ParsedFile:
    """Articles of one raw scraped text file, split at each `date YYYY-MM-DD` header."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    headers = list(_HEADER.finditer(text))
    if not headers:
        return ParsedFile(rejections=[Rejection(source_path, None, "no 'date YYYY-MM-DD' header found")])

    parsed = ParsedFile()
    leading = text[: headers[0].start()].strip()
    if leading and not _BYLINE_PARAGRAPH.match(leading):
        parsed.warnings.append(f"{source_path}: {len(leading)} characters before the first header ignored")

    for position, header in enumerate(headers):
        end = headers[position + 1].start() if position + 1 < len(headers) else len(text)
        line = text.count("\n", 0, header.start()) + 1
        article, problem = _parse_segment(header["date"], text[header.end():end], source_path, position)
        if article is None:
            parsed.rejections.append(Rejection(source_path, line, problem))
            continue
        if problem:
            parsed.warnings.append(f"{source_path}:{line}: {problem}")
        parsed.articles.append(article)
    return parsed


def _parse_segment(date_text: str, segment: str, source_path: str,
                   position: int) -> tuple[Article | None, str | None]:
    paragraphs = _paragraphs(segment)
    title = None
    # The header line's remainder is the title only when it stands alone and reads like one;
    # otherwise it is the first paragraph (`002_...txt` has no title).
    if paragraphs and not segment.lstrip(" \t").startswith("\n"):
        first = paragraphs[0]
        if "\n" not in first and len(first) <= TITLE_MAX_CHARS and not first.endswith(_SENTENCE_END):
            title = first
            paragraphs = paragraphs[1:]
    if paragraphs and _READING_TIME.match(paragraphs[0]):
        paragraphs = paragraphs[1:]
    if paragraphs and _BYLINE_PARAGRAPH.match(paragraphs[-1]):
        paragraphs = paragraphs[:-1]
    agency = None
    if paragraphs:
        signature = _signature_pattern().search(paragraphs[-1])
        if signature:
            agency = signature["agency"]
            paragraphs[-1] = paragraphs[-1][: signature.start()]
    body = "\n\n".join(paragraphs)
    if not body:
        return None, "article has a header but no body"
    if too_long := body_problem(body):
        return None, too_long

    published, problem = None, None
    try:
        published = date.fromisoformat(date_text)
    except ValueError:
        # Kept with a null date rather than rejected: the text is still worth its facts.
        problem = f"impossible date {date_text!r}: loaded with no date"
    article = make_article(title=title, body=body, published=published, source_path=source_path,
                           position=position, agency=agency)
    return article, problem


# --- JSON Lines ----------------------------------------------------------------------------

def _parse_json_date(value: object) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"date is not a string: {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()


def _optional_str(record: dict, key: str) -> str | None:
    """A text field; a number is taken as its text (`"id": 12`), a list or object is not a
    title, outlet or url and is left out (never stored as Python's rendering of it)."""
    value = record.get(key)
    if value is None or isinstance(value, (list, dict, bool)):
        return None
    return str(value).strip() or None


def parse_jsonl(text: str, source_path: str) -> ParsedFile:
    """Articles of a JSON Lines file; malformed lines are rejected with their line number."""
    parsed = ParsedFile()
    position = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            parsed.rejections.append(Rejection(source_path, number, f"invalid JSON: {error.msg}"))
            continue
        if not isinstance(record, dict):
            parsed.rejections.append(Rejection(source_path, number, "line is not a JSON object"))
            continue
        body = record.get("text")
        if body is not None and not isinstance(body, str):
            parsed.rejections.append(Rejection(
                source_path, number, f"'text' is not a string (got {_JSON_TYPE_NAMES.get(type(body), 'a value')})"))
            continue
        if not body or not body.strip():
            parsed.rejections.append(Rejection(source_path, number, "record has no 'text'"))
            continue
        body = body.replace("\r\n", "\n").strip()
        if too_long := body_problem(body) or body_problem(_optional_str(record, "title") or ""):
            parsed.rejections.append(Rejection(source_path, number, too_long))
            continue
        try:
            published = _parse_json_date(record.get("date"))
        except ValueError as error:
            # As for raw text: the text is still worth its facts, so it loads with no date.
            published = None
            parsed.warnings.append(f"{source_path}:{number}: bad 'date' ({error}): loaded with no date")
        parsed.articles.append(make_article(
            title=_optional_str(record, "title"), body=body, published=published,
            source_path=source_path, position=position, outlet=_optional_str(record, "source"),
            url=_optional_str(record, "url"), source_ref=_optional_str(record, "id"),
        ))
        position += 1
    return parsed


def parse_file_text(text: str, source_path: str) -> ParsedFile:
    """Dispatch on the file's extension (`.jsonl` or raw text)."""
    if source_path.lower().endswith(".jsonl"):
        return parse_jsonl(text, source_path)
    return parse_raw_text(text, source_path)



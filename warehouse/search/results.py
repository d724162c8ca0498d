"""A search as a user asks it: filters, one line per story, and a snippet showing why it matched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Engine

from warehouse.search.terms import WORD, fold, query_words, stem
from warehouse.storage.db import read_sql

SNIPPET_CHARS = 200


@dataclass(frozen=True)
class Hit:
    article_id: str
    score: float
    words_matched: int
    words_searched: int
    published_date: date | None
    outlet: str | None
    title: str | None
    url: str | None
    snippet: str
    story_id: str | None
    story_matches: int


def search(engine: Engine, text: str, *, since: date | None = None, until: date | None = None,
           outlet: str | None = None, all_words: bool = False, one_per_story: bool = True,
           limit: int | None = 10) -> list[Hit]:
    """The `limit` best articles for `text` (all with None; see `sql/search/search.sql`)."""
    wanted = query_stems(text)
    with engine.connect() as conn:
        parameters = {"search_text": in_indexed_forms(conn, text), "since": since, "until": until, "outlet": outlet,
                      "all_words": all_words, "one_per_story": one_per_story, "limit": limit}
        rows = conn.exec_driver_sql(read_sql("search/search.sql"), parameters).mappings().fetchall()
    return [Hit(article_id=r["article_id"], score=round(float(r["score"]), 3), words_matched=r["words_matched"],
                words_searched=r["words_searched"], published_date=r["published_date"], outlet=r["outlet"],
                title=r["title"], url=r["url"], snippet=snippet(r["body"] or "", wanted),
                story_id=r["story_id"], story_matches=r["story_matches"]) for r in rows]


def in_indexed_forms(conn, text: str) -> str:
    """The query with each word the index never saw in that form written as one it saw with the
    same stem: the SQL macro finds a word's stem in `search_words`, which holds only the forms
    articles use, so `kazajos` found nothing when the articles wrote `kazajo` and `kazaja`
    (Snowball gives all three `kazaj`). Python can stem what SQL cannot; words of no known
    stem are kept, and count as searched-for words the index does not know, as before."""
    asked = query_words(text)
    if not asked:
        return text
    stems = {word: stem(word) for word in asked}
    rows = conn.exec_driver_sql(read_sql("search/indexed_forms.sql"), {
        "words": [fold(w) for w in asked], "stems": sorted(set(stems.values()) | {fold(v) for v in stems.values()})})
    known_words, form_of_stem = set(), {}
    for word, word_stem in rows:
        known_words.add(word)
        form_of_stem.setdefault(word_stem, word)
    return " ".join(w if fold(w) in known_words
                    else form_of_stem.get(stems[w], form_of_stem.get(fold(stems[w]), w)) for w in asked)


def query_stems(text: str) -> frozenset[str]:
    """The stems a query asks for, folded (the SQL side finds a word's stem whatever its accents)."""
    asked = query_words(text)
    return frozenset(fold(stem(w)) for w in asked) | frozenset(fold(stem(fold(w))) for w in asked)


def snippet(body: str, wanted: frozenset[str], chars: int = SNIPPET_CHARS) -> str:
    """The stretch of `body` of about `chars` characters holding the most distinct query words,
    each marked `**word**`; the body's start when none is found (a title match)."""
    spans = [(m.start(), m.end(), key) for m in WORD.finditer(body)
             if (key := fold(stem(m.group().lower()))) in wanted]
    if not spans:
        return _clip(body, 0, chars)
    best_start, best_count = spans[0][0], 0
    for i, (start, _, _) in enumerate(spans):
        inside = {key for s, e, key in spans[i:] if e <= start + chars}
        if len(inside) > best_count:
            best_start, best_count = start, len(inside)
    window_start = max(0, best_start - chars // 4)
    window_start = body.rfind(" ", 0, window_start) + 1 if window_start else 0
    end = min(len(body), window_start + chars)
    if end < len(body) and (space := body.rfind(" ", window_start, end)) > window_start:
        end = space
    marked, cursor = [], window_start
    for start, stop, _ in spans:
        if start >= window_start and stop <= end:
            marked += [body[cursor:start], "**", body[start:stop], "**"]
            cursor = stop
    marked.append(body[cursor:end])
    text = " ".join("".join(marked).split())
    return ("…" if window_start > 0 else "") + text + ("…" if end < len(body) else "")


def _clip(body: str, start: int, chars: int) -> str:
    text = " ".join(body[start:start + chars].split())
    return text + ("…" if len(body) > start + chars else "")


def known_outlets(engine: Engine) -> list[str]:
    """Every outlet the warehouse holds articles of (to help a user whose outlet filter found none)."""
    with engine.connect() as conn:
        return [row[0] for row in conn.exec_driver_sql(read_sql("search/outlets.sql"))]


def outlets_like(asked: str, outlets: list[str]) -> list[str]:
    """The outlets whose folded name holds the folded `asked` or is held in it (`pais` -> `El
    País`, `El Pais`); [`asked`] itself when it is one of them, folded."""
    key = fold(asked).strip()
    if any(fold(o) == key for o in outlets):
        return [asked]
    return [o for o in outlets if key and (key in fold(o) or fold(o) in key)]


def as_text(hits: list[Hit], every_copy: bool = False) -> str:
    """Results for a terminal: a block per hit, best first."""
    if not hits:
        return "no articles found"
    blocks = []
    for number, hit in enumerate(hits, start=1):
        head = "  ".join(part for part in (
            f"{number}.", f"{hit.score:.2f}", str(hit.published_date or "(no date)"), hit.outlet or "(no outlet)",
            hit.title or "(no title)") if part)
        where = f"   article {hit.article_id}"
        if hit.story_matches > 1 and not every_copy:
            where += f"; {hit.story_matches} articles of its story match (--every-copy lists them)"
        if hit.url:
            where += f"\n   {hit.url}"
        blocks.append(f"{head}\n   {hit.snippet}\n{where}")
    return "\n\n".join(blocks)

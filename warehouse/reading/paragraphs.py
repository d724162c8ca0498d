"""An article body's paragraphs: the pieces between blank lines, and where each one is.

One rule for every stage: the model tags paragraph by paragraph (`extraction/paragraph_tags.py`),
stories compare paragraphs (`stories/sketches.py`), and the warehouse records the paragraph of
every mention and amount (`paragraph_no`, `storage/load.py` and sql/stories/set_fact_paragraphs.sql).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Sequence

# A blank line (possibly with spaces) separates paragraphs; it is kept, so offsets do not move.
_PARAGRAPH_BREAK = re.compile(r"(\n[ \t\r\f\v]*\n\s*)")


def split_paragraphs(text: str) -> list[tuple[str, bool]]:
    """The text as (piece, is_paragraph) in order; joining the pieces gives the text back."""
    pieces = _PARAGRAPH_BREAK.split(text)
    return [(piece, index % 2 == 0) for index, piece in enumerate(pieces) if piece]


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start_char, end_char) of each of the body's paragraphs (separated by blank lines), in
    order: the `paragraph_no` of a paragraph is its index here.

    Every character of the body is in a paragraph or in a blank-line break between two; a body
    without blank lines is one paragraph."""
    spans = []
    start = 0
    for piece, is_paragraph in split_paragraphs(body):
        if is_paragraph:
            spans.append((start, start + len(piece)))
        start += len(piece)
    return spans


def paragraph_at(spans: Sequence[tuple[int, int]], char_offset: int) -> int | None:
    """The `paragraph_no` of the paragraph holding `char_offset`, or None for an offset in a
    break between paragraphs or outside them (the rule of sql/stories/set_fact_paragraphs.sql).
    `spans` as `paragraph_spans` returns them."""
    index = bisect_right([start for start, _ in spans], char_offset) - 1
    if index < 0 or char_offset >= spans[index][1]:
        return None
    return index

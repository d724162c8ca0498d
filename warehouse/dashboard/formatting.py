"""Numbers as a Spanish desk reads them: `30.000.000.000 USD`, `70 %`, `1,5 t` (plain functions)."""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd


def _missing(value) -> bool:
    # None, or NaN / NA as a DataFrame holds a null.
    return value is None or (not isinstance(value, (list, tuple)) and bool(pd.isna(value)))


def spanish_number(value, decimals: int | None = None) -> str:
    """`30000000000` -> `30.000.000.000`, `2.5` -> `2,5`, `1234.5678` with decimals=2 -> `1.234,57`;
    '' for a missing value. Whole numbers never show a decimal part."""
    if _missing(value):
        return ""
    number = Decimal(str(value))
    if decimals is not None:
        number = round(number, decimals)
    if number == number.to_integral_value():
        text = f"{int(number):,}"
    else:
        text = f"{number:,f}".rstrip("0")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def figure(value, unit=None, value_high=None) -> str:
    """A figure as shown in tables: `30.000.000.000 USD`, `10-15 %`, `410.000 t`, `7` (a count);
    the unit after a space, `%` too, as Spanish writes it (RAE: `70 %`)."""
    text = spanish_number(value)
    if not _missing(value_high):
        text += f"-{spanish_number(value_high)}"
    return f"{text} {unit}" if not _missing(unit) and unit != "" and text else text


def euros(value) -> str:
    """`1234567.891` -> `1.234.568 €`; '' when there is no value."""
    text = spanish_number(value, decimals=0)
    return f"{text} €" if text else ""


def markdown_text(text) -> str:
    """News text to show where Streamlit reads Markdown (titles, links, captions): on one line,
    white space at its ends kept (a bold mention stays a word apart), and `*`, `_`, `#`, `<`
    ... escaped, so `El *peso* cae` is not drawn in italics and `<b>` stays text."""
    folded = re.sub(r"\s+", " ", "" if _missing(text) else str(text))
    return folded.replace("\\", "\\\\").translate({ord(c): f"\\{c}" for c in "*_`#[]<>|~$"})


def marked_snippet(snippet: str) -> str:
    """A search snippet, whose `**word**` marks are the only Markdown it may carry."""
    parts = snippet.split("**")
    return "".join(markdown_text(part) if i % 2 == 0 else f"**{markdown_text(part)}**" for i, part in enumerate(parts))

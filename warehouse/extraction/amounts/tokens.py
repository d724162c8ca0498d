"""The light token list the grammar runs over, and phrase lookups at a token.

Numbers, words and single symbols, with their character offsets, whether whitespace precedes
them and whether a line break does (a figure never spans one). Phrases of the vocabularies are
looked up as tuples of tokens, longest first.
"""

from __future__ import annotations

import re


# Numbers (`30.000`, `1,5`, `30 000` with thousands spaces, `0'5` with the wire's apostrophe
# for a decimal comma), words (letters, then letters or digits: `km2`, `CO2`, `G20`), and any
# other single character.
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+(?:,\d+)?(?!\d)|\d+['\u2019]\d{1,2}(?![\d'\u2019])|\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_][^\W_]*)"
    r"|(?P<sym>\S)"
)


class Tokens:
    """Parallel lists: kind ('num' | 'word' | 'sym'), text, lowercase text, offsets, spacing."""

    __slots__ = ("kind", "text", "low", "start", "end", "attached", "broken", "n")

    def __init__(self, text: str) -> None:
        self.kind: list[str] = []
        self.text: list[str] = []
        self.low: list[str] = []
        self.start: list[int] = []
        self.end: list[int] = []
        self.attached: list[bool] = []  # no whitespace before this token
        self.broken: list[bool] = []    # a line break before this token: figures never span it
        prev = 0
        for m in _TOKEN.finditer(text):
            s = m.start()
            gap = text[prev:s]
            self.kind.append(m.lastgroup or "sym")
            self.text.append(m.group())
            self.low.append(m.group().lower())
            self.start.append(s)
            self.end.append(m.end())
            self.attached.append(not gap)
            self.broken.append("\n" in gap)
            prev = m.end()
        self.n = len(self.text)

    def joined(self, k: int) -> bool:
        """Token k exists and continues the same line as token k-1."""
        return k < self.n and not self.broken[k]


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(phrase))


def longest(table: dict, maxlen: int, t: Tokens, i: int, exact: bool) -> tuple[object, int]:
    """The longest phrase of `table` starting at token i: (value, token count) or (None, 0)."""
    words = t.text if exact else t.low
    for n in range(min(maxlen, t.n - i), 0, -1):
        if any(t.broken[k] for k in range(i + 1, i + n)):
            continue
        value = table.get(tuple(words[i : i + n]))
        if value is not None:
            return value, n
    return None, 0


def longest_before(table: dict, maxlen: int, t: Tokens, i: int, floor: int, exact: bool = False) -> tuple[object, int]:
    """The longest phrase of `table` ending just before token i, not reaching below `floor`."""
    words = t.text if exact else t.low
    if i <= floor or not t.joined(i):
        return None, 0
    for n in range(min(maxlen, i - floor), 0, -1):
        if any(t.broken[k] for k in range(i - n + 1, i)):
            continue
        value = table.get(tuple(words[i - n : i]))
        if value is not None:
            return value, n
    return None, 0

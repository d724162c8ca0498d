"""The light token list the grammar runs over, and phrase lookups at a token.

Numbers, words and single symbols, with their character offsets, whether whitespace precedes
them and whether a line break does (a figure never spans one). Phrases of the vocabularies are
looked up as tuples of tokens, longest first.
"""

from __future__ import annotations

import re
from collections.abc import Callable


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

    def __init__(self, text: str, may_hold_figures: Callable[[str], bool] | None = None) -> None:
        """`may_hold_figures`: when given, only the lines it accepts are read. A figure never
        spans a line break and no rule of the grammar looks across one, so a line that cannot
        start a figure changes nothing; in news, a third of the text is such lines."""
        # Built column by column with comprehensions: a loop appending to eight lists per token
        # was half of the figure pass (measured: 0.34 of 0.90 s on 100 corpus articles).
        if may_hold_figures is None:
            matches = list(_TOKEN.finditer(text))
        else:
            matches, start = [], 0
            for line in text.split("\n"):
                end = start + len(line)
                if may_hold_figures(line):
                    matches.extend(_TOKEN.finditer(text, start, end))
                start = end + 1
        self.kind: list[str] = [m.lastgroup or "sym" for m in matches]
        self.text: list[str] = [m.group() for m in matches]
        self.low: list[str] = [w.lower() for w in self.text]
        self.start: list[int] = [m.start() for m in matches]
        self.end: list[int] = [m.end() for m in matches]
        previous_ends = [0] + self.end[:-1]
        # no whitespace before this token
        self.attached: list[bool] = [s == e for s, e in zip(self.start, previous_ends)]
        # a line break before this token: figures never span it
        self.broken: list[bool] = [s != e and "\n" in text[e:s] for s, e in zip(self.start, previous_ends)]
        self.n = len(self.text)

    def joined(self, k: int) -> bool:
        """Token k exists and continues the same line as token k-1."""
        return k < self.n and not self.broken[k]


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(phrase))


def longest(table: dict, maxlen: int, t: Tokens, i: int, exact: bool,
            firsts: frozenset[str] | None = None) -> tuple[object, int]:
    """The longest phrase of `table` starting at token i: (value, token count) or (None, 0).

    `firsts`, the set of the phrases' first tokens, rules most positions out at once."""
    words = t.text if exact else t.low
    if i >= t.n or (firsts is not None and words[i] not in firsts):
        return None, 0
    for n in range(min(maxlen, t.n - i), 0, -1):
        if n > 1 and any(t.broken[k] for k in range(i + 1, i + n)):
            continue
        value = table.get(tuple(words[i : i + n]))
        if value is not None:
            return value, n
    return None, 0


def longest_before(table: dict, maxlen: int, t: Tokens, i: int, floor: int, exact: bool = False,
                   lasts: frozenset[str] | None = None) -> tuple[object, int]:
    """The longest phrase of `table` ending just before token i, not reaching below `floor`
    (`lasts`: the set of the phrases' last tokens)."""
    words = t.text if exact else t.low
    if i <= floor or not t.joined(i) or (lasts is not None and words[i - 1] not in lasts):
        return None, 0
    for n in range(min(maxlen, i - floor), 0, -1):
        if n > 1 and any(t.broken[k] for k in range(i - n + 1, i)):
            continue
        value = table.get(tuple(words[i - n : i]))
        if value is not None:
            return value, n
    return None, 0

"""What the figure grammar produces: `Amount` (the public record) and `Figure` (its working form).

An `Amount` is what `extract_amounts` returns and the warehouse stores. A `Figure` is a figure
while the grammar still works on it: token offsets instead of characters, and, for money, the
currencies it may be in, resolved only once the whole text is read (`currencies.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


KINDS = ("money", "percent", "quantity", "count")
QUALIFIERS = ("approx", "more_than", "less_than", "at_least", "at_most", "up_to")


@dataclass(frozen=True)
class Amount:
    start: int            # Python str index into the given text
    end: int              # text[start:end] == self.text
    text: str             # the whole figure as written, qualifier and unit words included
    kind: str             # "money" | "percent" | "quantity" | "count"
    value: Decimal        # exact, in the unit's main denomination
    unit: str | None      # ISO-4217 code, "%", "pp", a unit symbol; None for counts
    object: str | None    # what is counted or measured, when the text says it
    qualifier: str | None # None or one of QUALIFIERS
    value_high: Decimal | None = None   # upper bound of a range
    unit_inferred: bool = False         # the unit was inferred from context, not written
    per_value: Decimal | None = None    # a rate's denominator: 100000 in `284 casos por 100.000 habitantes`
    per_unit: str | None = None         # what it counts, as written: `habitantes`, `minuto`, `acción`
    restates: bool = False              # in parentheses right after a figure of its kind, which it converts:
                                        # `4.000 millones de dólares (3.400 millones de euros)`


@dataclass
class Figure:
    start: int                # token index
    end: int                  # token index after the last
    kind: str
    value: Decimal
    value_high: Decimal | None
    unit: str | None
    candidates: tuple[str, ...]
    minor: bool
    extra_minor: Decimal | None
    obj: str | None
    qualifier: str | None
    scale: int | None = None  # the scale word the number ends with (`315 millones`), if any
    borrowed: bool = False    # the unit was taken from a neighbouring figure
    number_start: int = 0     # bare numbers: the number's first token (after any qualifier)
    per_value: Decimal | None = None  # a rate's denominator (rates.py)
    per_unit: str | None = None
    resume: int = 0           # token after everything read, the denominator included
    restates: bool = False    # converts the figure just before it (context.mark_restatements)


# A number that says nothing of what it measures; only context rules may keep it.
BARE = "bare"

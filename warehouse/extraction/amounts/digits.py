"""Digit strings as Spanish news writes them -> exact Decimals.

Spain writes `30.000` and `1,5`; Mexico and the US-trained wires write `30,000` and `4.5`; both
turn up in the same corpus, sometimes in the same article. The rules, in order:

1. Spaces (plain, no-break U+00A0, narrow no-break U+202F) between digit groups are thousands
   separators: `30 000`, `30\u202f000`.
2. A number with both `,` and `.` uses the last one as the decimal separator: `233.282,15`,
   `1,500.50`.
3. A separator that repeats is a thousands separator: `1.500.000`, `1,500,000`.
4. A single `.` followed by exactly three digits is a thousands separator (`30.000`); followed by
   1, 2 or 4+ digits it is a decimal point (`4.5`, `59.3`, `19.33`, `19.3342`). `0.125` is a
   decimal: no one groups a leading zero. Four or more zeros alone after the `.` (`540.0000`)
   are not a decimal anyone writes: they are a thousands group typed with a zero too many,
   read as `540.000`.
5. An apostrophe, which wire copy types for a decimal comma (`0'5`), is a comma.
6. A single `,` followed by 1, 2 or 4+ digits is a decimal comma (`1,5`, `12,34`). Followed by
   exactly three digits it is ambiguous (`6,251 millones de pesos` in Mexico is 6251 million;
   a Spaniard would write `6.251`): it is a thousands separator unless the text itself writes
   decimals with a comma more often than with a point (see `comma_is_decimal`).

Anything else (`1.2.3`, `2025.11.11` grouped wrongly) is not a figure: `numeral_value` returns None.
"""

from __future__ import annotations

import re
from decimal import Decimal

_SPACES = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, "'": ",", "\u2019": ","})

# Evidence for the text's decimal convention. A separator followed by one or two digits and no
# further digit group can only be a decimal mark; `1.500.000`-style repeated dots are Spanish
# thousands, `1,500,000` US-style thousands.
_COMMA_CONVENTION = re.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d]|[.,]\d)|\d\.\d{3}\.\d{3}")
_POINT_CONVENTION = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d]|[.,]\d)|\d,\d{3},\d{3}")


def comma_is_decimal(text: str) -> bool:
    """True when `text` writes decimals with a comma more often than with a point.

    Only decides the ambiguous `d,ddd` case (rule 6); with no evidence either way a comma
    before three digits is a thousands separator.
    """
    comma = sum(1 for _ in _COMMA_CONVENTION.finditer(text))
    if not comma:
        return False
    point = sum(1 for _ in _POINT_CONVENTION.finditer(text))
    return comma > point


def _grouped(digits: str, sep: str) -> bool:
    """`1.234.567`: a head of 1 to 3 digits, then groups of exactly three."""
    head, *groups = digits.split(sep)
    return 1 <= len(head) <= 3 and all(len(g) == 3 for g in groups)


def numeral_value(raw: str, *, comma_decimal: bool = False) -> Decimal | None:
    """The value of a digit string (`30.000`, `1,5`, `4.5`, `30 000`), or None if malformed."""
    s = raw.translate(_SPACES)
    dot, comma = "." in s, "," in s
    if dot and comma:
        decimal_sep = "." if s.rfind(".") > s.rfind(",") else ","
        thousands_sep = "," if decimal_sep == "." else "."
        whole, _, fraction = s.rpartition(decimal_sep)
        if decimal_sep in whole or not _grouped(whole, thousands_sep):
            return None
        return Decimal(whole.replace(thousands_sep, "") + "." + fraction)
    if not (dot or comma):
        return Decimal(s)
    sep = "." if dot else ","
    parts = s.split(sep)
    if len(parts) > 2:
        return Decimal("".join(parts)) if _grouped(s, sep) else None
    head, tail = parts
    if sep == "." and len(tail) > 3 and set(tail) == {"0"} and 1 <= len(head) <= 3 and head != "0":
        tail = "000"  # `540.0000`: see rule 4
    thousands = len(tail) == 3 and 1 <= len(head) <= 3 and head != "0"
    if thousands and not (sep == "," and comma_decimal):
        return Decimal(head + tail)
    return Decimal(head + "." + tail)


def tidy(value: Decimal) -> Decimal:
    """`Decimal('1500000.0')` -> `Decimal('1500000')`, `Decimal('0.50')` -> `Decimal('0.5')`."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()

"""Digit strings as Spanish news writes them -> exact Decimals (warehouse/extraction/amounts/digits.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from warehouse.extraction.amounts.digits import comma_is_decimal, numeral_value


@pytest.mark.parametrize(
    ("raw", "comma_decimal", "value"),
    [
        pytest.param("30.000", False, "30000", id="dot_before_three_digits_groups_thousands"),
        pytest.param("4.000", True, "4000", id="dot_before_three_digits_groups_thousands_in_spanish_text"),
        pytest.param("4.5", False, "4.5", id="dot_before_one_digit_is_decimal"),
        pytest.param("19.33", False, "19.33", id="dot_before_two_digits_is_decimal"),
        pytest.param("19.3342", False, "19.3342", id="dot_before_four_digits_is_decimal"),
        pytest.param("540.0000", False, "540000", id="dot_before_only_zeros_is_a_mistyped_thousands_group"),
        pytest.param("0.125", False, "0.125", id="leading_zero_makes_dot_decimal"),
        pytest.param("1,5", False, "1.5", id="comma_before_one_digit_is_decimal"),
        pytest.param("12,34", False, "12.34", id="comma_before_two_digits_is_decimal"),
        pytest.param("6,251", False, "6251", id="comma_before_three_digits_groups_thousands_by_default"),
        pytest.param("6,251", True, "6.251", id="comma_before_three_digits_is_decimal_in_comma_decimal_text"),
        pytest.param("1.500.000", False, "1500000", id="repeated_dots_group_thousands"),
        pytest.param("1,500,000", True, "1500000", id="repeated_commas_group_thousands"),
        pytest.param("233.282,15", False, "233282.15", id="last_separator_is_decimal_comma"),
        pytest.param("1,500.50", True, "1500.50", id="last_separator_is_decimal_point"),
        pytest.param("30 000", False, "30000", id="space_groups_thousands"),
        pytest.param("30\u202f000", False, "30000", id="narrow_no_break_space_groups_thousands"),
        pytest.param("30\u00a0000", False, "30000", id="no_break_space_groups_thousands"),
        pytest.param("30000", False, "30000", id="no_separator"),
    ],
)
def test_numeral_value(raw, comma_decimal, value):
    assert numeral_value(raw, comma_decimal=comma_decimal) == Decimal(value)


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("1.2.3", id="badly_grouped_dots"),
        pytest.param("2025.11.11", id="dotted_date"),
        pytest.param("1.500,5.3", id="decimal_separator_twice"),
    ],
)
def test_malformed_numerals_have_no_value(raw):
    assert numeral_value(raw) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("un 12,5 % y 1,5 millones", True, id="spanish_decimal_commas"),
        pytest.param("un 4.5 por ciento y 1.06 millones", False, id="mexican_decimal_points"),
        pytest.param("214,000 dosis", False, id="no_evidence_means_comma_groups_thousands"),
    ],
)
def test_comma_is_decimal_follows_the_text(text, expected):
    assert comma_is_decimal(text) is expected

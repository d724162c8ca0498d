"""The country of a news outlet (seeds/outlets.csv): evidence for ambiguous currencies."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from warehouse.seeds import read_seed, split_list


def _fold(name: str) -> str:
    """Case, accents and spacing folded: `El País`, `El Pais` and `el  pais` are one outlet."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    countries = {}
    for row in read_seed("outlets"):
        for name in [row["name"], *split_list(row["aliases"])]:
            countries[_fold(name)] = row["country"].upper()
    return countries


def outlet_country(outlet: str | None) -> str | None:
    """ISO-3166 alpha-2 code of a known outlet, else None."""
    return _countries().get(_fold(outlet)) if outlet else None

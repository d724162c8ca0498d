"""Which currency an ambiguous `$` or `pesos` means, from the evidence of the whole text."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from warehouse.extraction.amounts.records import Figure
from warehouse.extraction.amounts.vocabulary import FigureGrammar, fold
from warehouse.extraction.keys import entity_key
from warehouse.seeds import read_seed


class CurrencyEvidence:
    """What the whole text says about which currency an ambiguous `$` or `pesos` means."""

    def __init__(self, text: str, figures: list[Figure], g: FigureGrammar) -> None:
        self.text = text
        self.g = g
        self.exact: Counter[str] = Counter()
        self.family: Counter[tuple[str, ...]] = Counter()
        for f in figures:
            if f.kind != "money" or not f.candidates:
                continue
            if len(f.candidates) == 1:
                self.exact[f.candidates[0]] += 1
            else:
                self.family[f.candidates] += 1
        self._folded: str | None = None
        self._places: Counter[str] | None = None

    def stem_hits(self, code: str) -> int:
        pattern = self.g.demonym_stems.get(code)
        if pattern is None:
            return 0
        if self._folded is None:
            self._folded = fold(self.text)
        return sum(1 for _ in pattern.finditer(self._folded))

    def place_hits(self, code: str) -> int:
        """Places of the currency's country named in the text: `Bogotá` for COP, `Roma` for ITL."""
        if self._places is None:
            self._places = countries_of_places_named(self.text)
        return self._places[code[:2]]

    def resolve(self, candidates: tuple[str, ...], country: str | None) -> str:
        """Currencies written elsewhere in the text (a `pesos` elsewhere votes for every peso),
        then the country hint (the outlet's country), then country words (`México`,
        `colombiano`), then places of the country (`Bogotá`, `Antioquia`), then the file's first row. The text's own words come first: measured on
        the gold set, a Mexican paper's `16 centavos` of a US company's share is USD, and an
        Argentine-owned site's `$2.3 billones` in a story on Colombia is COP."""
        votes = {c: self.exact[c] for c in candidates}
        for family, n in self.family.items():
            if family != candidates and set(family) <= set(candidates):
                for c in family:
                    votes[c] += n
        best = max(votes.values())
        pool = [c for c in candidates if votes[c] == best]
        if country and len(pool) > 1:
            pool = [c for c in pool if c[:2] == country] or pool
        for evidence in (self.stem_hits, self.place_hits):
            if len(pool) > 1:
                hits = {c: evidence(c) for c in pool}
                top = max(hits.values())
                if top:
                    pool = [c for c in pool if hits[c] == top]
        return pool[0]


# A run of capitalised words (`Buenos Aires`, `Ciudad de México` is read as its parts).
_CAPITALISED_RUN = re.compile(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:[ ][A-ZÁÉÍÓÚÑ][a-záéíóúñü]+){0,2}")
# Only large cities speak for a country, and only names of five letters or more unless a capital's:
# a town of 100,000 or a short name (`Casa`, `Año`, `Sin`) shares its spelling with half the world.
_CITY_EVIDENCE_POPULATION = 500_000
_SHORTEST_PLACE = 5


def countries_of_places_named(text: str) -> Counter[str]:
    """ISO country codes of the countries, first-level regions and large cities named in `text`
    (the gazetteer's GeoNames, pycountry and CLDR names), one vote per name written. Function
    words (`Para` is also Pará, `Los` a name of Lagos) are never places here."""
    from warehouse.extraction.gazetteer import places   # loaded only when a currency needs it

    found: Counter[str] = Counter()
    gazetteer = places()
    skip = _function_words()
    for run in _CAPITALISED_RUN.findall(text):
        words = run.split(" ")
        first = 0
        while first < len(words):   # `En Buenos Aires`: the longest name from each word on
            for size in range(len(words) - first, 0, -1):
                key = entity_key(" ".join(words[first : first + size]))
                if size == 1 and (key in skip or len(key) < _SHORTEST_PLACE
                                  and key not in gazetteer.countries and key not in gazetteer.capitals):
                    continue  # `Roma`, `Lima` are capitals; `Casa` is not
                city = gazetteer.city_country.get(key)
                code = (gazetteer.countries.get(key) or (gazetteer.regions.get(key) or "")[:2]
                        or (city[0] if city and city[1] >= _CITY_EVIDENCE_POPULATION else None))
                if code:
                    found[code] += 1
                    first += size - 1
                    break
            first += 1
    return found


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(entity_key(r["word"]) for r in read_seed("language_function_words") if r["language"] == "es")

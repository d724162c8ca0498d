"""The Spanish figure grammar: text -> Amount records (warehouse/extraction/amounts/).

Sentences marked "corpus" are copied verbatim from real Spanish and Latin American news
(FakeDeS 2021, true class); the rest are written to pin one rule each.
"""

from __future__ import annotations

import csv
import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from warehouse.extraction.amounts import KINDS, QUALIFIERS, Amount, extract_amounts, load_figure_grammar
from warehouse.paths import SAMPLE_INBOX, SEEDS_DIR


def F(text, kind, value, unit=None, obj=None, qual=None, high=None):
    """An expected figure, in the shape `observed` returns (a percent's unit is always `%`)."""
    if kind == "percent":
        unit = "%"
    return (text, kind, Decimal(value), unit, obj, qual, None if high is None else Decimal(high))


def observed(text: str, country: str | None = None) -> list[tuple]:
    return [
        (a.text, a.kind, a.value, a.unit, a.object, a.qualifier, a.value_high)
        for a in extract_amounts(text, country=country)
    ]


# --- the grammar, one rule per sentence ---------------------------------------------------------

GRAMMAR = [
    # scales and number words
    pytest.param("un volumen de 30.000 millones de dólares", [F("30.000 millones de dólares", "money", "30000000000", "USD")], id="scale_word_with_de_before_currency"),
    pytest.param("un paquete de 1,5 millones de euros", [F("1,5 millones de euros", "money", "1500000", "EUR")], id="decimal_comma_before_millones"),
    pytest.param("costó dos mil euros", [F("dos mil euros", "money", "2000", "EUR")], id="number_words_with_mil"),
    pytest.param("recibió cinco millones de pesos mexicanos", [F("cinco millones de pesos mexicanos", "money", "5000000", "MXN")], id="number_word_with_millones"),
    pytest.param("un gasto de mil 200 millones de pesos mexicanos", [F("mil 200 millones de pesos mexicanos", "money", "1200000000", "MXN")], id="mexican_mil_200_millones"),
    pytest.param("una multa de 322 mil 400 pesos mexicanos", [F("322 mil 400 pesos mexicanos", "money", "322400", "MXN")], id="mexican_322_mil_400"),
    pytest.param("invirtió un millón de euros", [F("un millón de euros", "money", "1000000", "EUR")], id="un_millon_is_a_number"),
    pytest.param("medio millón de euros", [F("medio millón de euros", "money", "500000", "EUR")], id="medio_millon"),
    pytest.param("un millón y medio de dólares", [F("un millón y medio de dólares", "money", "1500000", "USD")], id="millon_y_medio"),
    pytest.param("mil millones de euros", [F("mil millones de euros", "money", "1000000000", "EUR")], id="mil_millones_is_a_billion"),
    pytest.param("3 millardos de euros", [F("3 millardos de euros", "money", "3000000000", "EUR")], id="millardo_is_a_billion"),
    pytest.param("2 billones de euros", [F("2 billones de euros", "money", "2000000000000", "EUR")], id="billon_is_ten_to_the_twelve"),
    pytest.param("3 millones 500 mil pesos mexicanos", [F("3 millones 500 mil pesos mexicanos", "money", "3500000", "MXN")], id="segments_after_a_big_scale"),
    pytest.param("treinta y dos países y doscientos cincuenta mil dólares", [F("treinta y dos países", "count", "32", None, "países"), F("doscientos cincuenta mil dólares", "money", "250000", "USD")], id="compound_number_words"),
    # money forms
    pytest.param("15 dólares y 50 centavos", [F("15 dólares y 50 centavos", "money", "15.50", "USD")], id="dollars_and_cents_are_one_amount"),
    pytest.param("50 centavos de dólar", [F("50 centavos de dólar", "money", "0.50", "USD")], id="centavos_de_dolar"),
    pytest.param("pagó 15,90 € y 100 USD", [F("15,90 €", "money", "15.90", "EUR"), F("100 USD", "money", "100", "USD")], id="symbol_and_code_after_the_number"),
    pytest.param("pagó EUR 50 y US$ 100", [F("EUR 50", "money", "50", "EUR"), F("US$ 100", "money", "100", "USD")], id="code_and_symbol_before_the_number"),
    pytest.param("500 dolares estadounidenses", [F("500 dolares estadounidenses", "money", "500", "USD")], id="currency_adjective_without_accent"),
    pytest.param("20 millones de libras esterlinas", [F("20 millones de libras esterlinas", "money", "20000000", "GBP")], id="libras_esterlinas"),
    pytest.param("1.000 millones de rublos y 300 tenges", [F("1.000 millones de rublos", "money", "1000000000", "RUB"), F("300 tenges", "money", "300", "KZT")], id="rublos_and_tenges"),
    pytest.param("500 yuanes, 10 soles y 40 bolívares", [F("500 yuanes", "money", "500", "CNY"), F("10 soles", "money", "10", "PEN"), F("40 bolívares", "money", "40", "VES")], id="yuanes_soles_bolivares"),
    pytest.param("costaba 100 pesetas", [F("100 pesetas", "money", "100", "ESP")], id="pesetas"),
    pytest.param("33 reales brasileños", [F("33 reales brasileños", "money", "33", "BRL")], id="reales"),
    pytest.param("5.000 millones de pesos colombianos", [F("5.000 millones de pesos colombianos", "money", "5000000000", "COP")], id="pesos_colombianos"),
    pytest.param("una demanda de 20 mil mdd", [F("20 mil mdd", "money", "20000000000", "USD")], id="mdd_is_millions_of_dollars"),
    # percentages
    pytest.param("Cove Capital (70 %)", [F("70 %", "percent", "70")], id="percent_with_space"),
    pytest.param("un 70% de los votos", [F("70%", "percent", "70", obj="votos")], id="percent_attached_with_its_object"),
    pytest.param("el 59.3 por ciento", [F("59.3 por ciento", "percent", "59.3")], id="por_ciento_with_decimal_point"),
    pytest.param("cien por cien", [F("cien por cien", "percent", "100")], id="cien_por_cien"),
    pytest.param("subió 2 puntos porcentuales", [F("2 puntos porcentuales", "quantity", "2", "pp")], id="percentage_points_are_a_quantity"),
    # quantities
    pytest.param("410.000 toneladas de wolframio", [F("410.000 toneladas", "quantity", "410000", "t", "wolframio")], id="unit_with_object_after_de"),
    pytest.param("1.000 barriles de petróleo", [F("1.000 barriles", "quantity", "1000", "bbl", "petróleo")], id="barrels_of_oil"),
    pytest.param("20 kilómetros cuadrados y 500 hectáreas", [F("20 kilómetros cuadrados", "quantity", "20", "km2"), F("500 hectáreas", "quantity", "500", "ha")], id="area_units"),
    pytest.param("10 km2, 3 m3 y 20 litros", [F("10 km2", "quantity", "10", "km2"), F("3 m3", "quantity", "3", "m3"), F("20 litros", "quantity", "20", "l")], id="area_and_volume_symbols"),
    pytest.param("una central de 1.200 megavatios que produce 8 GWh", [F("1.200 megavatios", "quantity", "1200", "MW"), F("8 GWh", "quantity", "8", "GWh")], id="power_and_energy"),
    pytest.param("20 MW y 300 MWh", [F("20 MW", "quantity", "20", "MW"), F("300 MWh", "quantity", "300", "MWh")], id="power_and_energy_symbols"),
    pytest.param("100 miligramos por litro y 35 µg/m3", [F("100 miligramos por litro", "quantity", "100", "mg/l"), F("35 µg/m3", "quantity", "35", "µg/m3")], id="concentration_units"),
    pytest.param("5 kilos y 200 gramos", [F("5 kilos", "quantity", "5", "kg"), F("200 gramos", "quantity", "200", "g")], id="mass_units"),
    pytest.param("a 10km de la costa y 3 millas", [F("10km", "quantity", "10", "km"), F("3 millas", "quantity", "3", "mi")], id="unit_attached_to_the_number"),
    # counts
    pytest.param("15 aviones Boeing", [F("15 aviones", "count", "15", None, "aviones")], id="count_of_planes"),
    pytest.param("40 detenidos y 300 muertos", [F("40 detenidos", "count", "40", None, "detenidos"), F("300 muertos", "count", "300", None, "muertos")], id="counts_of_people"),
    pytest.param("tres personas", [F("tres personas", "count", "3", None, "personas")], id="count_with_number_word"),
    pytest.param("las cinco repúblicas de Asia Central", [F("cinco repúblicas", "count", "5", None, "repúblicas")], id="count_of_republics"),
    pytest.param("300 nuevos casos", [F("300 nuevos casos", "count", "300", None, "casos")], id="adjective_between_number_and_noun"),
    pytest.param("5 millones de personas", [F("5 millones de personas", "count", "5000000", None, "personas")], id="scaled_count"),
    # qualifiers
    pytest.param("casi 30.000 millones de dólares", [F("casi 30.000 millones de dólares", "money", "30000000000", "USD", None, "approx")], id="casi_is_approx"),
    pytest.param("cerca de 500 personas", [F("cerca de 500 personas", "count", "500", None, "personas", "approx")], id="cerca_de_is_approx"),
    pytest.param("alrededor de 20 dólares", [F("alrededor de 20 dólares", "money", "20", "USD", None, "approx")], id="alrededor_de_is_approx"),
    pytest.param("unas 40 personas", [F("unas 40 personas", "count", "40", None, "personas", "approx")], id="unas_is_approx"),
    pytest.param("aproximadamente 12.000 dólares", [F("aproximadamente 12.000 dólares", "money", "12000", "USD", None, "approx")], id="aproximadamente_is_approx"),
    pytest.param("en torno a 500 hectáreas", [F("en torno a 500 hectáreas", "quantity", "500", "ha", None, "approx")], id="en_torno_a_is_approx"),
    pytest.param("más de 17.000 millones de dólares", [F("más de 17.000 millones de dólares", "money", "17000000000", "USD", None, "more_than")], id="mas_de_is_more_than"),
    pytest.param("menos de 25 dólares", [F("menos de 25 dólares", "money", "25", "USD", None, "less_than")], id="menos_de_is_less_than"),
    pytest.param("al menos 40 muertos", [F("al menos 40 muertos", "count", "40", None, "muertos", "at_least")], id="al_menos_is_at_least"),
    pytest.param("por lo menos 30 heridos", [F("por lo menos 30 heridos", "count", "30", None, "heridos", "at_least")], id="por_lo_menos_is_at_least"),
    pytest.param("hasta el 12,34%", [F("hasta el 12,34%", "percent", "12.34", None, None, "up_to")], id="hasta_with_article_is_up_to"),
    pytest.param("como máximo 5 toneladas", [F("como máximo 5 toneladas", "quantity", "5", "t", None, "at_most")], id="como_maximo_is_at_most"),
    pytest.param("no más de 3 kilos", [F("no más de 3 kilos", "quantity", "3", "kg", None, "at_most")], id="no_mas_de_is_at_most_not_more_than"),
    # ranges
    pytest.param("entre 10 y 15 millones de euros", [F("entre 10 y 15 millones de euros", "money", "10000000", "EUR", high="15000000")], id="range_shares_scale_and_currency"),
    pytest.param("de 10 a 15 %", [F("de 10 a 15 %", "percent", "10", high="15")], id="range_de_a"),
    pytest.param("del 10 al 15 %", [F("del 10 al 15 %", "percent", "10", high="15")], id="range_del_al"),
    pytest.param("entre el 2% y el 6%", [F("entre el 2% y el 6%", "percent", "2", high="6")], id="range_with_unit_on_both_bounds"),
    pytest.param("entre 900.000 y 1 millón de personas", [F("entre 900.000 y 1 millón de personas", "count", "900000", None, "personas", high="1000000")], id="range_scale_not_applied_to_a_larger_first_bound"),
    pytest.param("pasando de 45 a 35%", [F("45", "percent", "45"), F("35%", "percent", "35")], id="decreasing_pair_is_a_change_with_one_unit_for_both"),
    pytest.param("un 70 u 80 por ciento", [F("70 u 80 por ciento", "percent", "70", high="80")], id="range_with_u_and_no_opener"),
    pytest.param("por encima del 3,4 ó 3,5 %", [F("por encima del 3,4 ó 3,5 %", "percent", "3.4", qual="more_than", high="3.5")], id="range_with_o_keeps_its_qualifier"),
    pytest.param("entre el 2% al 6% de", [F("entre el 2% al 6%", "percent", "2", high="6")], id="range_entre_al_as_written"),
    pytest.param("de 3 o 4 personas", [F("4 personas", "count", "4", None, "personas")], id="counts_with_o_are_not_ranges"),
    pytest.param("sube el 20% o menos", [F("20% o menos", "percent", "20", qual="at_most")], id="o_menos_after_is_at_most"),
    pytest.param("llegaron 50 personas o más", [F("50 personas o más", "count", "50", None, "personas", "at_least")], id="o_mas_after_is_at_least"),
    pytest.param("al menos en el 43,8 por ciento de los casos", [F("al menos en el 43,8 por ciento", "percent", "43.8", obj="casos", qual="at_least")], id="qualifier_before_en_and_article"),
    # `hasta`: an upper limit, or where a change ended
    pytest.param("ha incrementado el ratio capital CET1 hasta el 12,34%", [F("hasta el 12,34%", "percent", "12.34")], id="hasta_el_after_a_verb_of_change_is_the_endpoint"),
    pytest.param("se elevó hasta un 43,7 %", [F("hasta un 43,7 %", "percent", "43.7", qual="up_to")], id="hasta_un_after_a_verb_stays_up_to"),
    pytest.param("sanciones de hasta 50.000 euros", [F("hasta 50.000 euros", "money", "50000", "EUR", None, "up_to")], id="hasta_without_article_is_up_to"),
    # collective numerals and redundant scales
    pytest.param("Una treintena de personas", [F("Una treintena de personas", "count", "30", None, "personas", "approx")], id="treintena_is_about_thirty"),
    pytest.param("un centenar de soldados", [F("un centenar de soldados", "count", "100", None, "soldados", "approx")], id="centenar_is_about_a_hundred"),
    pytest.param("35.734.649 millones de colombianos", [F("35.734.649 millones de colombianos", "count", "35734649", None, "colombianos")], id="millones_after_a_number_already_in_units_is_redundant_for_counts"),
    pytest.param("un presupuesto de 35.734.649 millones de pesos colombianos", [F("35.734.649 millones de pesos colombianos", "money", "35734649000000", "COP")], id="money_keeps_the_scale_after_a_long_number"),
    # counted nouns
    pytest.param("hay al menos 63 menores, seis de corta edad", [F("al menos 63 menores", "count", "63", None, "menores", "at_least")], id="adjective_used_as_the_noun"),
    pytest.param("las tres mayores federaciones", [F("tres mayores federaciones", "count", "3", None, "federaciones")], id="adjective_before_the_noun"),
    pytest.param("entre pares, dos Estados nacionales soberanos", [F("dos Estados", "count", "2", None, "estados")], id="capitalised_institution_as_a_common_noun"),
    pytest.param("Son 20 las principales reformas del plan", [F("20 las principales reformas", "count", "20", None, "reformas")], id="cleft_count_after_a_copula"),
    pytest.param("una addenda de cinco puntos que se suman al pacto", [F("cinco puntos", "count", "5", None, "puntos")], id="points_as_items_are_counted"),
    pytest.param("podrían ser dos puntos clave tras el aumento", [F("dos puntos", "count", "2", None, "puntos")], id="qualified_points_are_items"),
    pytest.param("un crecimiento del PIB de dos puntos (con crecimientos superiores al 2 por ciento)", [F("dos puntos", "quantity", "2", "pp"), F("superiores al 2 por ciento", "percent", "2", qual="more_than")], id="bare_points_beside_a_percentage_are_percentage_points"),
    # ranges written with a hyphen or a bare `a`
    pytest.param("el 70-80% trastornos del sueño", [F("70-80%", "percent", "70", high="80")], id="hyphen_range_with_percent"),
    pytest.param("cerca del 40-45% de la gente", [F("cerca del 40-45%", "percent", "40", obj="gente", qual="approx", high="45")], id="hyphen_range_keeps_its_qualifier"),
    pytest.param("en el rango de 1-100 micrómetros", [F("1-100 micrómetros", "quantity", "1", "µm", high="100")], id="hyphen_range_with_unit"),
    pytest.param("un árbol de tamaño mediano (10 a 15 metros)", [F("10 a 15 metros", "quantity", "10", "m", high="15")], id="range_with_a_and_a_unit"),
    # a unit written once for several numbers
    pytest.param("la prevalencia pasó de 4,1 por ciento en 2012 a 5,2 en 2019", [F("4,1 por ciento", "percent", "4.1"), F("5,2", "percent", "5.2")], id="change_with_the_unit_on_the_first_number"),
    pytest.param("pasó de 4,1 por ciento a 5,2 por ciento", [F("4,1 por ciento", "percent", "4.1"), F("5,2 por ciento", "percent", "5.2")], id="de_a_after_a_verb_of_change_is_two_figures"),
    pytest.param("subió de 10 a 15 %", [F("10", "percent", "10"), F("15 %", "percent", "15")], id="rising_change_with_the_unit_written_once"),
    pytest.param("aspiramos a estar por encima del 3,4 ó 3,5, llegando al 3,6 %", [F("por encima del 3,4 ó 3,5", "percent", "3.4", qual="more_than", high="3.5"), F("3,6 %", "percent", "3.6")], id="bare_rate_before_a_percentage_in_the_clause"),
    pytest.param("por 13 mil 200 millones de euros. En la administración será de 4 mil 315 millones, mientras que las pymes recibirán 4 mil 60 millones; el resto, 3 mil millones.",
                 [F("13 mil 200 millones de euros", "money", "13200000000", "EUR"), F("4 mil 315 millones", "money", "4315000000", "EUR"), F("4 mil 60 millones", "money", "4060000000", "EUR"), F("3 mil millones", "money", "3000000000", "EUR")], id="budget_list_takes_the_currency_written_before"),
    pytest.param("8 mil millones de euros (más de 191 mil millones de pesos) y ahora 140 mil millones (superior a 3 mil billones de pesos)",
                 [F("8 mil millones de euros", "money", "8000000000", "EUR"), F("más de 191 mil millones de pesos", "money", "191000000000", "MXN", None, "more_than"), F("140 mil millones", "money", "140000000000", "EUR"), F("superior a 3 mil billones de pesos", "money", "3000000000000000", "MXN", None, "more_than")],
                 id="conversions_in_parentheses_are_not_the_list_currency"),
    pytest.param("China emitió 150 millones de toneladas métricas (mtm) de CO2 menos. Para hacerse una idea, 150 mtm es mucho.",
                 [F("150 millones de toneladas métricas", "quantity", "150000000", "t"), F("150 mtm", "quantity", "150000000", "t")], id="abbreviation_defined_in_parentheses"),
    pytest.param("Costó 5 millones de euros.\n\nAhora hay 47 millones.", [F("5 millones de euros", "money", "5000000", "EUR")], id="a_list_never_crosses_a_paragraph"),
    # objects
    pytest.param("agrupan al 90% de las mezquitas", [F("90%", "percent", "90", obj="mezquitas")], id="percent_object_after_de_and_article"),
    pytest.param("el 90,9% del total", [F("90,9%", "percent", "90.9")], id="total_is_not_an_object"),
    pytest.param("hasta un 40 % de mortalidad hospitalaria", [F("hasta un 40 %", "percent", "40", obj="mortalidad hospitalaria", qual="up_to")], id="object_keeps_a_relational_adjective"),
]


@pytest.mark.parametrize(("text", "expected"), GRAMMAR)
def test_grammar(text, expected):
    assert observed(text) == expected


# --- what is not a figure -----------------------------------------------------------------------

NOT_FIGURES = [
    pytest.param("Moscú, 11 nov (EFE).- El presidente", id="dateline_day_and_month"),
    pytest.param("el 1 de julio de 2019", id="date"),
    pytest.param("en 2020 y de 2019 a 2021", id="years"),
    pytest.param("date 2025-11-11", id="iso_date"),
    pytest.param("a las 10:30 horas", id="time"),
    pytest.param("15 Boeing 787-9 Dreamliner y un F-16", id="model_numbers"),
    pytest.param("ganó 1-0 al rival", id="score"),
    pytest.param("el 1º de mayo, la 2ª vez, el 1.º puesto, la primera central", id="ordinals"),
    pytest.param("la Ley 5/2020 y el Real Decreto-ley 11/2020", id="law_numbers"),
    pytest.param("WhatsApp (+57 318 312452)", id="phone_number"),
    pytest.param("la Covid-19 y el SARS-CoV-2", id="disease_names"),
    pytest.param("dos semanas, tres días, 24 horas, 30 minutos y cinco años", id="durations_are_not_counts"),
    pytest.param("una reunión y un artículo", id="indefinite_article_is_not_a_count"),
    pytest.param("decenas de miles de personas y cientos de manifestantes", id="vague_magnitudes_have_no_value"),
    pytest.param("cientos de millones de dólares", id="cientos_de_millones_is_vague"),
    pytest.param("se registraron 136.000.", id="bare_number"),
    pytest.param("ocho veces más", id="multiplier_is_not_a_count"),
    pytest.param("lo dijo en 59 ocasiones", id="ocasiones_is_a_multiplier"),
    pytest.param("los dos reales decretos", id="reales_decretos_are_not_money"),
    pytest.param("uno de cada 10 y por cada 1.000 habitantes", id="rate_denominator_is_not_a_count"),
    pytest.param("el artículo 135 de la ley", id="article_number"),
    pytest.param("la red 5G y la 99.9", id="network_and_radio_names"),
    pytest.param("la incidencia subió 10 puntos.", id="points_of_an_index_after_a_change"),
    pytest.param("un incremento de la incidencia acumulada de cuatro puntos, hasta los 138.", id="points_of_an_index_after_a_change_noun"),
    pytest.param("hay otras 22 catalogadas como en peligro", id="elliptical_participle_has_no_noun"),
    pytest.param("debería tener 20 millones listas para fines de marzo", id="millones_without_de_has_no_counted_noun"),
    pytest.param("las tarifas crecieron en dos dígitos", id="digits_are_a_magnitude"),
    pytest.param("Luigi Di Maio, del Movimiento 5 Estrellas, y Dos Hermanas y los tres Reyes Magos", id="numbers_inside_names"),
    pytest.param("entre 5-100 m- dependiendo de la variedad", id="hyphen_range_with_a_glued_symbol"),
    pytest.param("ganó 3 a 1 y luego 2-1", id="scores_with_a_and_hyphen"),
    pytest.param("El país tiene 47 millones. Se vacunó a 3 millones.", id="bare_millions_without_money_before"),
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure(text):
    assert observed(text) == []


# --- currency resolution ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "unit", "inferred"),
    [
        pytest.param("invirtió $28.000 millones", None, "USD", True, id="bare_dollar_sign_defaults_to_usd"),
        pytest.param("invirtió $28.000 millones", "MX", "MXN", True, id="bare_dollar_sign_follows_country_hint_mx"),
        pytest.param("invirtió $28.000 millones", "co", "COP", True, id="bare_dollar_sign_follows_country_hint_co"),
        pytest.param("cobran $169 pesos", None, "MXN", True, id="dollar_sign_with_pesos_is_a_peso"),
        pytest.param("pagó $500 dólares", "MX", "USD", False, id="dolares_written_after_sign_decides"),
        pytest.param("US$500", "MX", "USD", False, id="us_dollar_sign_is_unambiguous"),
        pytest.param("Costó 5 billones de pesos: $2.3 billones", None, "MXN", True, id="pesos_elsewhere_make_sign_a_peso"),
        pytest.param("En Colombia se giraron $2.3 billones", None, "COP", True, id="country_word_in_text_picks_the_peso"),
        pytest.param("el colombiano pagó 300 pesos", None, "COP", True, id="demonym_in_text_picks_the_peso"),
        pytest.param("un salario de 3,700 pesos", None, "MXN", True, id="plain_pesos_best_guess_is_mxn"),
        pytest.param("un salario de 3,700 pesos", "AR", "ARS", True, id="plain_pesos_follow_country_hint"),
        pytest.param("costó 300 pesos chilenos", "MX", "CLP", False, id="peso_adjective_beats_country_hint"),
        pytest.param("1.000 pesos mexicanos y luego $200", None, "MXN", True, id="written_currency_elsewhere_decides_the_sign"),
        pytest.param("ganó 900 millones de dólares, 16 centavos por acción", "MX", "USD", True,
                     id="dollars_written_in_the_text_beat_the_outlet_country"),
        pytest.param("Colombia giró 5 billones de pesos colombianos y $2.3 billones", "AR", "COP", True,
                     id="pesos_named_in_the_text_beat_the_outlet_country"),
        pytest.param("3.000 dólares singapurenses", None, "SGD", False, id="dollar_adjective_names_the_currency"),
    ],
)
def test_currency_resolution(text, country, unit, inferred):
    last = extract_amounts(text, country=country)[-1]
    assert (last.kind, last.unit, last.unit_inferred) == ("money", unit, inferred)


def test_subunit_alone_takes_the_currency_of_the_text():
    text = "un ingreso de 93 mdd, o 16 centavos por acción"
    cents = extract_amounts(text)[-1]
    assert (cents.text, cents.value, cents.unit, cents.unit_inferred) == ("16 centavos", Decimal("0.16"), "USD", True)


def test_money_never_has_fractions_of_a_cent_in_decimal_comma_text():
    # A Colombian article writing Spanish decimals quotes a US range with US thousands.
    text = "con un 0,5 % de margen, Dominion donó entre $ 25,001 y $ 50,000 a la Fundación"
    money = extract_amounts(text)[-1]
    assert (money.value, money.value_high) == (Decimal("25001"), Decimal("50000"))


# --- real sentences from the corpus -------------------------------------------------------------

CORPUS = [
    pytest.param("Por su parte, el secretario de Hacienda y Crédito Público, Arturo Herrera informó que hasta el momento se han destinado 6,251 millones de pesos para el pago de la vacuna de Pfizer y señaló que esta mañana se liquidaron 124 millones de pesos.", "MX",
                 [F("6,251 millones de pesos", "money", "6251000000", "MXN"), F("124 millones de pesos", "money", "124000000", "MXN")], id="mexican_comma_thousands_before_millones"),
    pytest.param("La mañana de este martes aterrizarón en México 219,375 dosis de la vacuna contra el Covid-19 de Pfizer, de las cuales 214,000 se dirigieron al Aeropuerto Internacional de Ciudad de México (AICM), y el resto en el Aeropuerto de Monterrey, informó el secretario de Salud federal, Jorge Alcocer.", None,
                 [F("219,375 dosis", "count", "219375", None, "dosis")], id="mexican_comma_thousands_count"),
    pytest.param("Recordó que en aquella época los fondos estructurales fueron 8 mil millones de euros (más de 191 mil millones de pesos) y “ahora hablamos de 140 mil millones (superior a los 3 mil billones de pesos), fundamentales para recuperar los niveles de PIB previos a la pandemia y dar un crecimiento exponencial en las posibilidades de crecer, crear empleos y empresas.", "MX",
                 [F("8 mil millones de euros", "money", "8000000000", "EUR"), F("más de 191 mil millones de pesos", "money", "191000000000", "MXN", None, "more_than"), F("140 mil millones", "money", "140000000000", "EUR"), F("superior a los 3 mil billones de pesos", "money", "3000000000000000", "MXN", None, "more_than")], id="mil_millones_and_mil_billones"),
    pytest.param("Detalló que en primer lugar habrá una estrategia de movilidad sostenible, segura y conectada, electrificando vías públicas, dando puntos de recarga a vehículos eléctricos, por 13 mil 200 millones de euros.", None,
                 [F("13 mil 200 millones de euros", "money", "13200000000", "EUR")], id="mexican_13_mil_200_millones"),
    pytest.param("En total el Gobierno giró en esos siete meses 5 billones de pesos: $2.3 billones para el 80% de las empresas grandes y muy grandes y $2.6 billones para el 9% de las mipymes.", "CO",
                 [F("5 billones de pesos", "money", "5000000000000", "COP"), F("$2.3 billones", "money", "2300000000000", "COP"), F("80%", "percent", "80", obj="empresas"), F("$2.6 billones", "money", "2600000000000", "COP"), F("9%", "percent", "9", obj="mipymes")], id="colombian_billones_with_dollar_sign"),
    pytest.param("El jefe del gobierno español Pedro Sánchez anunció este miércoles un paquete de 11,000 millones de euros (13,380 millones de dólares) para ayudar a las empresas en dificultades debido a la pandemia del covid-19.", None,
                 [F("11,000 millones de euros", "money", "11000000000", "EUR"), F("13,380 millones de dólares", "money", "13380000000", "USD")], id="wire_copy_with_comma_thousands"),
    pytest.param('"El costo de cuidados intensivos es altísimo, de aproximadamente unos US$1.650 al día.', None,
                 [F("aproximadamente unos US$1.650", "money", "1650", "USD", None, "approx")], id="stacked_qualifier_and_us_dollar_sign"),
    pytest.param("Hasta la fecha hemos pagado casi US$57.000 -con eso te puedes comprar un departamento aquí en Perú- pero nos falta pagar el resto\", dice.", None,
                 [F("casi US$57.000", "money", "57000", "USD", None, "approx")], id="qualifier_before_currency_sign"),
    pytest.param("Fox informó un ingreso neto ajustado de 93 mdd, o 16 centavos por acción, sobre ingresos de 4.09 millones de dólares en el último trimestre de 2020, con lo que superó las estimaciones de Wall Street.", None,
                 [F("93 mdd", "money", "93000000", "USD"), F("16 centavos", "money", "0.16", "USD"), F("4.09 millones de dólares", "money", "4090000", "USD")], id="mdd_and_centavos"),
    pytest.param("Fox presentó el lunes pasado una moción para desestimar la demanda de 2 mil 700 millones de dólares (mdd), argumentando que la cobertura de la cadena está protegida por la Primera Enmienda.", None,
                 [F("2 mil 700 millones de dólares", "money", "2700000000", "USD")], id="mexican_2_mil_700_millones"),
    pytest.param('El líder de Podemos afirma poseer 233.282,15 euros en bienes inmuebles, 111.098,10 euros en depósitos bancarios y cuentas financieras, y 187.500 euros en "seguros de vida y planes de pensiones".', None,
                 [F("233.282,15 euros", "money", "233282.15", "EUR"), F("111.098,10 euros", "money", "111098.10", "EUR"), F("187.500 euros", "money", "187500", "EUR")], id="spanish_thousands_and_decimal_comma"),
    pytest.param("No obstante, en cuanto al dividendo a cargo de los resultados de 2020, que iba a dar con reservas puesto que ha obtenido números rojos, el banco limita el reparto a 2,75 céntimos, después de que el supervisor europeo solo permitiera distribuir el 15% del beneficio de 2019 y 2020, hasta que en septiembre vuelva a revisar la situación.", None,
                 [F("2,75 céntimos", "money", "0.0275", "EUR"), F("15%", "percent", "15", obj="beneficio")], id="centimos_of_a_euro"),
    pytest.param("El Santander, sin embargo, aún no tiene visibilidad para recuperar en el último trimestre de 2021 el compromiso de completar el dividendo hasta los 0,10 euros por acción que preveía dar antes del veto.", None,
                 [F("hasta los 0,10 euros", "money", "0.10", "EUR")], id="hasta_after_a_verb_of_change_is_the_endpoint"),
    pytest.param("Mediante un comunicado de prensa la Organización Mundial de la Salud (OMS), confirmó esto, al señalar que independiente de lo caliente que usted pueda tomar una bebida, o aguantar el calor en la ducha, “la temperatura corporal continuará siendo de 36,5\u202f°C a 37\u202f°C”; es decir, si el baño o la bebida están muy calientes usted solo conseguirá quemarse.", None,
                 [F("de 36,5\u202f°C a 37\u202f°C", "quantity", "36.5", "°C", high="37")], id="temperature_range_with_narrow_spaces"),
    pytest.param("Según cálculos de los Centros para la Prevención y el Control de Enfermedades (CDC), durante la última temporada de gripe estacional, entre octubre de 2019 y el pasado abril, fallecieron en Estados Unidos por esta enfermedad entre 24,000 y 62,000 personas.", None,
                 [F("entre 24,000 y 62,000 personas", "count", "24000", None, "personas", high="62000")], id="count_range_with_comma_thousands"),
    pytest.param("Esta misma institución sitúa ya en más de 1.06 millones de personas el número de fallecidos por la pandemia en todo el mundo.", None,
                 [F("más de 1.06 millones de personas", "count", "1060000", None, "personas", "more_than")], id="decimal_point_before_millones"),
    pytest.param("La OMS ha avalado varios estudios que calculan la tasa de letalidad de Covid-19 en un 0.6 % de los contagios, aunque otras estimaciones indican que es algo mayor y la aproximan al 1 %, pero la de la gripe estacional es del 0.1 %.", None,
                 [F("0.6 %", "percent", "0.6", obj="contagios"), F("1 %", "percent", "1"), F("0.1 %", "percent", "0.1")], id="percent_with_decimal_point"),
    pytest.param("Durante su campaña ha prometido la entrega de un bono de US$1.000 a un millón de familias en la primera semana de gobierno y ha dicho que no está en sus planes mantener el acuerdo firmado entre el Fondo Monetario Internacional (FMI) y el actual presidente, Lenín Moreno, para reconstruir la economía del país.", None,
                 [F("US$1.000", "money", "1000", "USD"), F("un millón de familias", "count", "1000000", None, "familias")], id="us_dollars_and_a_million_families"),
    pytest.param("Todo esto gracias a los más de US$ 100.000 millones que el gobierno puso a disposición para alquilar los locales que fueran necesarios.", None,
                 [F("más de US$ 100.000 millones", "money", "100000000000", "USD", None, "more_than")], id="currency_sign_then_scale"),
    pytest.param("Otra medida que Biden tomó en su primer día en el cargo fue volver a unirse al acuerdo climático de París, un tratado global que tiene como objetivo mantener el aumento de las temperaturas por debajo de 2 °C y \"esforzarse por limitar\" el aumento aún más, a 1,5 °C.", None,
                 [F("por debajo de 2 °C", "quantity", "2", "°C", None, "less_than"), F("1,5 °C", "quantity", "1.5", "°C")], id="degrees_celsius"),
    pytest.param("Cuando a los ratones y cuyos se les administró en dosis muy pequeñas no mostró toxicidad, pero cuando la cantidad aumentó a 100 miligramos por litro, el 100 por ciento de la población falleció.", None,
                 [F("100 miligramos por litro", "quantity", "100", "mg/l"), F("100 por ciento", "percent", "100", obj="población")], id="milligrams_and_por_ciento"),
    pytest.param('"Entre 2015 y 2019 se decomisaron 156 toneladas de droga [que no lograron ingresar a Chile desde el extranjero].', None,
                 [F("156 toneladas", "quantity", "156", "t", "droga")], id="year_range_is_not_a_figure_but_tonnes_are"),
    pytest.param("Por ejemplo, entre enero y marzo de 2019 se decomisaron 1.451 kgs de cocaína procedente de Chile en el puerto de Amberes, en Bélgica, el principal punto de llegada de cocaína a Europa, de acuerdo el Centro Europeo de Monitoreo de Drogas y Adicciones.", None,
                 [F("1.451 kgs", "quantity", "1451", "kg", "cocaína")], id="kilograms_of_cocaine"),
    pytest.param("En términos laborales los meses más difíciles fueron abril y mayo: la tasa de participación laboral femenina se contrajo cerca de 10 puntos porcentuales pasando de 45 a 35%, de acuerdo con cifras desestacionalizadas del Inegi (Instituto Nacional de Estadística y Geografía).", None,
                 [F("cerca de 10 puntos porcentuales", "quantity", "10", "pp", None, "approx"), F("45", "percent", "45"), F("35%", "percent", "35")], id="percentage_points_then_a_change_with_the_unit_written_once"),
    pytest.param("El primer año con Covid-19 cerró también con una cifra importante de precariedad laboral femenina: 31% de las mujeres ocupadas perciben como máximo un salario mínimo, alrededor de 3,700 pesos cada mes.", "MX",
                 [F("31%", "percent", "31", obj="mujeres"), F("alrededor de 3,700 pesos", "money", "3700", "MXN", None, "approx")], id="approx_pesos"),
    pytest.param("Podría llegar por barco o volando, señala Tello, quien explica que una reina puede salir de una colmena, hacer un nuevo nido y volar hasta 32 kilómetros por hora a partir del nido madre, es decir la distancia entre Bogotá y Cajicá, algo que dice, no tienen las abejas africanizadas.", None,
                 [F("hasta 32 kilómetros por hora", "quantity", "32", "km/h", None, "up_to")], id="speed"),
    pytest.param("El hospital Huoshenshan de 366.000 pies cuadrados (34.000 metros cuadrados) de dos pisos comenzó a aceptar a sus primeros pacientes el lunes, poco más de una semana después de que comenzó el trabajo de nivelación de tierras.", None,
                 [F("366.000 pies cuadrados", "quantity", "366000", "ft2"), F("34.000 metros cuadrados", "quantity", "34000", "m2"), F("dos pisos", "count", "2", None, "pisos")], id="square_feet_and_metres"),
    pytest.param("El pasado septiembre, la ministra de Asuntos Exteriores noruega advirtió a las autoridades locales que si seguían autodenominándose “zonas libres de ideología LGTB”, el país nórdico no les concedería una ayuda económica para un programa de desarrollo rural que oscila entre los tres y los diez millones de euros.", None,
                 [F("entre los tres y los diez millones de euros", "money", "3000000", "EUR", high="10000000")], id="word_range_with_articles"),
    pytest.param("La tecnología 5G, según afirma Nokia en su último informe, podría llegar a aportar hasta 8 billones de dólares al PIB mundial en 2030.", None,
                 [F("hasta 8 billones de dólares", "money", "8000000000000", "USD", None, "up_to")], id="billones_de_dolares"),
    pytest.param("Las condiciones del campo no son las mejores, ejemplo, producir una hectárea de maíz cuesta entre 12 y 13 mil pesos , de esta superficie obtienen entre cuatro toneladas y cinco toneladas y si cada tonelada cuesta cinco mil pesos, el campesino obtiene un promedio de 20 mil pesos, de estos, siete mil pesos son de utilidad por un año, es poco dinero el que reciben , cuando el kilo de tortilla cuesta alrededor de 13 pesos.", "MX",
                 [F("entre 12 y 13 mil pesos", "money", "12000", "MXN", high="13000"), F("entre cuatro toneladas y cinco toneladas", "quantity", "4", "t", high="5"), F("cinco mil pesos", "money", "5000", "MXN"), F("20 mil pesos", "money", "20000", "MXN"), F("siete mil pesos", "money", "7000", "MXN"), F("alrededor de 13 pesos", "money", "13", "MXN", None, "approx")], id="mexican_prices_in_words_and_ranges"),
    pytest.param("También recibió un millón y medio de dólares de la universidad china y del Gobierno de Pekín para construir un laboratorio en Wuhan.", None,
                 [F("un millón y medio de dólares", "money", "1500000", "USD")], id="un_millon_y_medio_de_dolares"),
    pytest.param("A modo de comparación, un cabello humano tiene aproximadamente 70 micrómetros de diámetro.", None,
                 [F("aproximadamente 70 micrómetros", "quantity", "70", "µm", "diámetro", "approx")], id="micrometres"),
    pytest.param("En Estados Unidos, por caso, los datos del gobierno muestran que los salarios en el sector manufacturero aumentaron de US$0,21 la hora en 1915 a US$0,56 en 1920.", None,
                 [F("US$0,21", "money", "0.21", "USD"), F("US$0,56", "money", "0.56", "USD")], id="cents_with_decimal_comma"),
    pytest.param("Según la edición 2018 del conjunto de datos mundiales de Identificación para el Desarrollo (#IDpD) del Banco Mundial, más de 1000 millones de personas en todo el mundo no pueden demostrar su identidad.", None,
                 [F("más de 1000 millones de personas", "count", "1000000000", None, "personas", "more_than")], id="year_like_number_with_scale_is_not_a_year"),
    pytest.param("Su abuelo paterno remató una propiedad para pagar las cirugías, que costaron casi 100 mil reales ( unos 20 mil 000 dólares).", None,
                 [F("casi 100 mil reales", "money", "100000", "BRL", None, "approx"), F("unos 20 mil 000 dólares", "money", "20000", "USD", None, "approx")], id="brazilian_reales"),
    pytest.param("El secretario de salud, José Antonio Martínez, indicó que este es el segundo día más grave tras el nuevo confinamiento por COVID-19 con 310 contagios y mil 7 hospitalizados, siendo justamente ese punto el que preocupa pues en el pico de la pandemia, que fue el 20 de julio, se tuvieron mil 18 hospitalizados.", None,
                 [F("310 contagios", "count", "310", None, "contagios"), F("mil 7 hospitalizados", "count", "1007", None, "hospitalizados"), F("mil 18 hospitalizados", "count", "1018", None, "hospitalizados")], id="mexican_mil_7"),
    pytest.param("México llegó este martes a los 901 mil 268 casos confirmados y a 89 mil 814 fallecimientos por Covid-19, al acumularse en las últimas 24 horas 5 mil 942 nuevos contagios y 643 muertes, informó la Secretaría de Salud.", None,
                 [F("901 mil 268 casos", "count", "901268", None, "casos"), F("89 mil 814 fallecimientos", "count", "89814", None, "fallecimientos"), F("5 mil 942 nuevos contagios", "count", "5942", None, "contagios"), F("643 muertes", "count", "643", None, "muertes")], id="mexican_covid_report"),
    pytest.param("La inversión para la realización del Censo es de 350.000 millones de pesos, con vigencias futuras del 2016 y 2017, informó este lunes festivo Caracol Radio.", "CO",
                 [F("350.000 millones de pesos", "money", "350000000000", "COP")], id="colombian_pesos_by_country_hint"),
    pytest.param("Existen varias marcas en el mercado, y principalmente se comercializan por Internet, en algunos establecimientos comerciales, e incluso en farmacias, pero no son efectivas contra el coronavirus; sus costos oscilan entre los 100 y los 990 pesos, dependiendo de la presentación; se colocan en la ropa, en algún accesorio, o en el cuello.", "MX",
                 [F("entre los 100 y los 990 pesos", "money", "100", "MXN", high="990")], id="price_range_with_articles"),
    pytest.param("Un estudio publicado el martes en la revista Radiology, que siguió a más de medio millón de mujeres, dejó claro el punto: las mujeres que se saltan incluso una mamografía programada antes de ser diagnosticadas con cáncer de mama tienen un riesgo significativamente mayor de morir.", None,
                 [F("más de medio millón de mujeres", "count", "500000", None, "mujeres", "more_than")], id="medio_millon_de_mujeres"),
    pytest.param("Recordamos que los líderes de Podemos adquirieron un chalet de 268 m2 con una parcela de más de 2.000 m2 valorado en unos 615.000 euros en Galapagar, solicitando una hipoteca de 540.0000 euros, que fue concedida por la entidad financiera Caja de Ingenieros.", None,
                 [F("268 m2", "quantity", "268", "m2"), F("más de 2.000 m2", "quantity", "2000", "m2", None, "more_than"), F("unos 615.000 euros", "money", "615000", "EUR", None, "approx"), F("540.0000 euros", "money", "540000", "EUR")], id="square_metres_and_a_typo_read_by_the_rule"),
    pytest.param("Varios de ellos han demostrado que una de sus funciones es disminuir la acumulación de nanopartículas esféricas de tamaños entre 14 y 2600 nanómetros en líneas celulares.", None,
                 [F("entre 14 y 2600 nanómetros", "quantity", "14", "nm", high="2600")], id="nanometre_range"),
    pytest.param("Los investigadores señalan que entre cinco y 40 casos de cada 1.000 contagios de coronavirus serán fatales, con una aproximación más precisa de nueve casos de cada 1.000.", None,
                 [], id="cases_per_thousand_are_a_rate_not_a_count"),
    pytest.param("Moderna también ha probado la vacuna en jóvenes de 12 a 17 años, pero aún no ha publicado los hallazgos.", None,
                 [], id="age_range_is_a_duration"),
    pytest.param("Con 564.055 musulmanes, de los que más de 200.000 tienen nacionalidad española, según el último estudio demográfico de la Unión de Comunidades Islámicas de España, Cataluña es la comunidad autónoma con más fieles de dicha religión.", None,
                 [F("564.055 musulmanes", "count", "564055", None, "musulmanes")], id="verb_after_number_is_not_a_noun"),
    pytest.param("En Estados Unidos, hay al menos 10.5 millones de indocumentados, según un estudio del Centro Pew de Investigaciones.", None,
                 [F("al menos 10.5 millones de indocumentados", "count", "10500000", None, "indocumentados", "at_least")], id="at_least_scaled_count"),
    pytest.param("Eran las 16.49 horas de este jueves 25 de febrero cuando la enfermera Magdalena Guevara González, de 46 años, se convertía en la primera guatemalteca en recibir la vacuna contra el coronavirus, gracias a una donación que hizo Israel.", None,
                 [], id="clock_time_and_age"),
    pytest.param("Mandela invitó a Brand a la celebración de su 80º cumpleaños en la residencia presidencial de Pretoria en 1998, un acontecimiento en el que también anunció el matrimonio con su tercera esposa, la mujer con la que finalmente descubriría una felicidad duradera, Graça Machel, viuda del que fuera presidente de Mozambique, Samora Machel, y exministra de Educación en su Gobierno.", None,
                 [], id="ordinal_birthday"),
    pytest.param("Como nueve usuarios de Facebook calificaron la imagen y algunos SúperAmigos nos pidieron verificar la veracidad del Noticia a través de WhatsApp de La Silla Vacía (+57 318 312452), decidimos aplicarle el Detector de Mentiras.", None,
                 [F("nueve usuarios", "count", "9", None, "usuarios")], id="phone_number_beside_a_count"),
    pytest.param("De hecho, un reciente informe de eToro revela que solo el 15% de los inversores en bitcoin son mujeres, lo que supone un aumento de 5 puntos porcentuales respecto al año pasado, pero sigue siendo una cifra muy baja.", None,
                 [F("15%", "percent", "15", obj="inversores"), F("5 puntos porcentuales", "quantity", "5", "pp")], id="percent_and_points"),
    pytest.param("Arauz, del partido Unión por la Esperanza (UNES), ya había afianzado su pase a la segunda vuelta tras obtener 3.033.753 votos (32,72%) en la primera ronda, celebrada el 7 de febrero.", None,
                 [F("3.033.753 votos", "count", "3033753", None, "votos"), F("32,72%", "percent", "32.72")], id="votes_and_share"),
    pytest.param("Sólo en el centro Monte Hermoso de Madrid han fallecido al menos 17 ancianos y unos 70 están contagiados.", None,
                 [F("al menos 17 ancianos", "count", "17", None, "ancianos", "at_least")], id="qualified_count_then_bare_number"),
    pytest.param("México es el segundo país con más católicos en el mundo después de Brasil, con alrededor de un 80% de sus casi 130 millones de habitantes que forman parte de la Iglesia.", None,
                 [F("alrededor de un 80%", "percent", "80", None, None, "approx"), F("casi 130 millones de habitantes", "count", "130000000", None, "habitantes", "approx")], id="qualifier_with_article_and_scaled_count"),
    pytest.param("La vacuna que aprobó la Organización Mundial de la Salud, cuya eficacia se estima de 70 a 80 por ciento, es positiva; sin embargo, si se vacuna solamente del cinco al 15 por ciento de la población, la protección se focaliza, alertó.", None,
                 [F("de 70 a 80 por ciento", "percent", "70", high="80"), F("del cinco al 15 por ciento", "percent", "5", high="15", obj="población")], id="percent_ranges"),
    pytest.param("En 2019, Marruecos recibió en el marco del programa de asistencia militar de Estados Unidos, dos aviones Hercules C-130H para su flota que dispone de 15 aparatos Hercules.", None,
                 [F("dos aviones", "count", "2", None, "aviones"), F("15 aparatos", "count", "15", None, "aparatos")], id="aircraft_counts_beside_a_model_number"),
    pytest.param("En Aguascalientes se han registrado hasta el miércoles mil 846 muertes y 16 mil 134 casos confirmados de COVID-19, y el total de pacientes activos es de 648.", None,
                 [F("mil 846 muertes", "count", "1846", None, "muertes"), F("16 mil 134 casos", "count", "16134", None, "casos")], id="mexican_counts_and_bare_total"),
    pytest.param("La tasa de desempleo femenina cerró el año en 4.3%, después de haber tocado niveles de 5.7% en los peores meses.", None,
                 [F("4.3%", "percent", "4.3"), F("5.7%", "percent", "5.7")], id="percent_decimal_point_attached"),
    pytest.param("Según sus datos, más de 3.500 especies están amenazadas de extinción: el 28 por ciento de las especies que han podido evaluar.", None,
                 [F("más de 3.500 especies", "count", "3500", None, "especies", "more_than"), F("28 por ciento", "percent", "28", obj="especies")], id="species_and_share"),
    pytest.param("A partir de la muerte de aquel hombre, existen normas muy estrictas con respecto a la cantidad de dióxido de cloro que se puede utilizar en el medio ambiente (máximo 3 miligramos por metro cúbico de dióxido de cloro).", None,
                 [F("máximo 3 miligramos por metro cúbico", "quantity", "3", "mg/m3", "dióxido", "at_most")], id="maximo_is_at_most"),
]


@pytest.mark.parametrize(("text", "country", "expected"), CORPUS)
def test_corpus_sentence(text, country, expected):
    assert observed(text, country) == expected


def test_corpus_has_forty_real_sentences():
    assert len(CORPUS) >= 40


# --- the two sample articles ------------------------------------------------------------------


def _sample(prefix: str) -> str:
    (path,) = SAMPLE_INBOX.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


SAMPLE_FIGURES = [
    pytest.param("000", "casi 30.000 millones de dólares", ("money", "30000000000", "USD", "approx"), id="000_casi_30000_millones_de_dolares"),
    pytest.param("000", "4.000 millones de dólares", ("money", "4000000000", "USD", None), id="000_4000_millones_de_dolares"),
    pytest.param("002", "casi 30.000 millones de dólares", ("money", "30000000000", "USD", "approx"), id="002_casi_30000_millones_de_dolares"),
    pytest.param("002", "4.000 millones de dólares", ("money", "4000000000", "USD", None), id="002_4000_millones_de_dolares"),
    pytest.param("002", "410.000 toneladas", ("quantity", "410000", "t", None), id="002_410000_toneladas"),
    pytest.param("002", "70 %", ("percent", "70", "%", None), id="002_70_percent"),
    pytest.param("002", "30 %", ("percent", "30", "%", None), id="002_30_percent"),
    pytest.param("002", "más de 17.000 millones de dólares", ("money", "17000000000", "USD", "more_than"), id="002_mas_de_17000_millones"),
    pytest.param("002", "15 aviones", ("count", "15", None, None), id="002_15_aviones"),
]


@pytest.mark.parametrize(("article", "text", "expected"), SAMPLE_FIGURES)
def test_sample_article_figure(article, text, expected):
    by_text = {a.text: a for a in extract_amounts(_sample(article))}
    a = by_text[text]
    kind, value, unit, qualifier = expected
    assert (a.kind, a.value, a.unit, a.qualifier, a.unit_inferred) == (kind, Decimal(value), unit, qualifier, False)


def test_sample_article_counts_planes():
    (planes,) = [a for a in extract_amounts(_sample("002")) if a.text == "15 aviones"]
    assert (planes.object, planes.unit) == ("aviones", None)


@pytest.mark.parametrize("article", ["000", "002"])
@pytest.mark.parametrize("fragment", ["787", "2025", "11 nov", "2025-11-11", "2 minutos"])
def test_sample_article_non_figures(article, fragment):
    text = _sample(article)
    for a in extract_amounts(text):
        assert fragment not in a.text


# --- the contract -----------------------------------------------------------------------------


def _contract_texts() -> list[str]:
    return [_sample("000"), _sample("002")] + [p.values[0] for p in CORPUS + GRAMMAR]


@pytest.mark.parametrize("index", range(len(CORPUS) + len(GRAMMAR) + 2))
def test_offsets_are_sorted_non_overlapping_and_match_text(index):
    text = _contract_texts()[index]
    amounts = extract_amounts(text)
    for a in amounts:
        assert text[a.start : a.end] == a.text
        assert a.kind in KINDS
        assert a.qualifier is None or a.qualifier in QUALIFIERS
        assert isinstance(a.value, Decimal)
        assert (a.unit is None) == (a.kind == "count")
    assert all(x.end <= y.start for x, y in zip(amounts, amounts[1:]))


def test_amount_is_frozen():
    a = extract_amounts("15 aviones")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.value = Decimal(0)  # type: ignore[misc]
    assert isinstance(a, Amount)


def test_empty_text_has_no_figures():
    assert extract_amounts("") == []


def test_grammar_is_read_once():
    assert load_figure_grammar(SEEDS_DIR) is load_figure_grammar(SEEDS_DIR)


# --- the seeds --------------------------------------------------------------------------------

SEED_HEADERS = {
    "currencies": ["code", "name", "minor_unit", "symbols", "words"],
    "units": ["symbol", "dimension", "base_symbol", "factor_to_base", "words"],
    "scale_words": ["word", "multiplier", "approximate"],
    "change_verbs": ["stem", "example"],
    "number_words": ["word", "value"],
    "amount_qualifiers": ["phrase", "qualifier"],
    "count_exclusions": ["word", "reason"],
}


def _rows(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with open(Path(SEEDS_DIR) / f"{name}.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.mark.parametrize(("name", "header"), SEED_HEADERS.items(), ids=list(SEED_HEADERS))
def test_seed_has_exact_header_and_unique_keys(name, header):
    fields, rows = _rows(name)
    assert fields == header
    keys = [row[header[0]] for row in rows]
    assert len(keys) == len(set(keys)), "the first column is the ref table's primary key"
    assert all(None not in row.values() for row in rows), "no row has a missing cell"
    assert all(None not in row for row in rows), "no row has an extra cell (quote cells with commas)"


def test_seed_values_are_well_typed():
    assert {r["qualifier"] for r in _rows("amount_qualifiers")[1]} <= set(QUALIFIERS)
    assert all(int(r["multiplier"]) > 0 for r in _rows("scale_words")[1])
    assert all(Decimal(r["factor_to_base"]) > 0 for r in _rows("units")[1])
    assert all(int(r["minor_unit"]) >= 0 for r in _rows("currencies")[1])
    assert all(w == w.lower() for r in _rows("currencies")[1] for w in r["words"].split("|"))

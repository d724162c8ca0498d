"""Every way Spanish writes a figure that a general number recogniser reads (issue 18, part 1),
and rates (part 2). One table per shape; the sentences are ours, written to pin one rule each.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from warehouse.extraction.amounts import extract_amounts


def F(text, kind, value, unit=None, high=None, per=None):
    """An expected figure: text, kind, value, unit (a percent's is `%`), value_high, (per_value, per_unit)."""
    if kind == "percent":
        unit = "%"
    per = (Decimal(per[0]), per[1]) if per else (None, None)
    return (text, kind, Decimal(value), unit, None if high is None else Decimal(high), per)


def observed(text: str) -> list[tuple]:
    return [(a.text, a.kind, a.value, a.unit, a.value_high, (a.per_value, a.per_unit)) for a in extract_amounts(text)]


def table(*rows):
    return [pytest.param(text, expected, id=name) for name, text, expected in rows]


SPELLED_DECIMALS = table(
    ("coma", "la inflación llegó al tres coma dos por ciento", [F("tres coma dos por ciento", "percent", "3.2")]),
    ("con_before_a_percentage", "subió un ocho con veinte por ciento", [F("ocho con veinte por ciento", "percent", "8.20")]),
    ("compound_whole_part", "marcó sesenta y uno coma cinco por ciento", [F("sesenta y uno coma cinco por ciento", "percent", "61.5")]),
    ("zero_point", "apenas cero coma cinco por ciento", [F("cero coma cinco por ciento", "percent", "0.5")]),
    ("zeros_after_the_comma", "un rendimiento de dos coma cero cinco por ciento", [F("dos coma cero cinco por ciento", "percent", "2.05")]),
    ("decimal_before_a_scale", "costará cuatro coma cinco millones de euros", [F("cuatro coma cinco millones de euros", "money", "4500000", "EUR")]),
    ("uno_is_one_before_a_percentage", "creció uno por ciento", [F("uno por ciento", "percent", "1")]),
    ("con_without_a_unit_is_not_a_decimal", "llegaron ocho con veinte acompañantes", [F("veinte acompañantes", "count", "20")]),
)

FRACTIONS = table(
    ("words_before_a_percentage", "solo dos quintos por ciento de los votos", [F("dos quintos por ciento", "percent", "0.4")]),
    ("digits_before_de_unit", "corrió 3/4 de milla", [F("3/4 de milla", "quantity", "0.75", "mi")]),
    ("mixed_number", "recorrió 7 1/2 millas", [F("7 1/2 millas", "quantity", "7.5", "mi")]),
    ("digits_glued_to_percent", "un 1/3% de la población", [F("1/3%", "percent", "0.333333")]),
    ("vulgar_fraction_character", "añada ½ kilo de harina y 7½ litros", [F("½ kilo", "quantity", "0.5", "kg"), F("7½ litros", "quantity", "7.5", "l")]),
    ("a_quarter_in_words", "tres cuartos de litro", [F("tres cuartos de litro", "quantity", "0.75", "l")]),
    ("half_a_percent", "creció un medio por ciento", [F("un medio por ciento", "percent", "0.5")]),
)

NOT_FRACTIONS = [
    pytest.param("abre 24/7 y la Ley 5/2020 del 9/11", id="labels_and_dates"),
    pytest.param("murieron dos tercios de los pasajeros", id="a_share_of_a_count"),
    pytest.param("esperó tres cuartos de hora", id="a_duration"),
    pytest.param("tiene un cuarto de baño", id="a_room"),
    pytest.param("hubo cero muertes", id="zero_counts_nothing"),
]

NEGATIVE_VALUES = table(
    ("percentage", "la economía cayó -0,4 por cien", [F("-0,4 por cien", "percent", "-0.4")]),
    ("unicode_minus", "el PIB cayó un −3,2 %", [F("−3,2 %", "percent", "-3.2")]),
    ("temperature", "mañana hará -5 grados centígrados", [F("-5 grados centígrados", "quantity", "-5", "°C")]),
)

MORE_SHAPES = table(
    ("range_with_indefinite_articles_after_a_change_verb", "las tarifas subirán de un 3 a un 6 por ciento",
     [F("de un 3 a un 6 por ciento", "percent", "3", high="6")]),
    ("negative_money_result", "un beneficio de -45 millones de euros", [F("-45 millones de euros", "money", "-45000000", "EUR")]),
    ("a_fraction_of_a_scale", "pagó un cuarto de millón de euros", [F("un cuarto de millón de euros", "money", "250000", "EUR")]),
    ("degrees_in_a_sentence_about_temperature", "la temperatura llegará a 38 grados", [F("38 grados", "quantity", "38", "°C")]),
    ("degrees_below_zero", "Teruel amaneció a siete grados bajo cero", [F("siete grados bajo cero", "quantity", "-7", "°C")]),
    ("menos_before_degrees", "el termómetro bajó a menos tres grados", [F("menos tres grados", "quantity", "-3", "°C")]),
    ("m_for_millions_before_a_sign", "una ampliación de 300 M€ y otra de 20 MM$", [F("300 M€", "money", "300000000", "EUR"), F("20 MM$", "money", "20000000", "USD")]),
    ("litres_per_100_km", "un consumo de 5,2 l/100 km", [F("5,2 l", "quantity", "5.2", "l", per=("100", "km"))]),
)

NOT_NEGATIVE = table(
    ("dash_between_words", "el saldo fue-30 % menor", []),
    ("list_dash_before_money", "- 200 euros de multa", [F("200 euros", "money", "200", "EUR")]),
    ("dash_at_the_start_of_a_line", "-200 euros de multa", [F("200 euros", "money", "200", "EUR")]),
    ("hyphenated_range_stays_a_range", "entre 70-80 % de los casos", [F("70-80 %", "percent", "70", high="80")]),
)

CURRENCIES = table(
    ("old_european_currencies", "pagó 300 florines, 20 marcos alemanes, 5.000 liras italianas y 40 dracmas",
     [F("300 florines", "money", "300", "NLG"), F("20 marcos alemanes", "money", "20", "DEM"),
      F("5.000 liras italianas", "money", "5000", "ITL"), F("40 dracmas", "money", "40", "GRD")]),
    ("french_francs_and_escudos", "10.000 francos franceses y 800 escudos", [F("10.000 francos franceses", "money", "10000", "FRF"), F("800 escudos", "money", "800", "PTE")]),
    ("nordic_crowns", "500 coronas suecas y dos coronas danesas", [F("500 coronas suecas", "money", "500", "SEK"), F("dos coronas danesas", "money", "2", "DKK")]),
    ("other_national_currencies", "300 forintos, 20 dinares tunecinos y 15 ringgits",
     [F("300 forintos", "money", "300", "HUF"), F("20 dinares tunecinos", "money", "20", "TND"), F("15 ringgits", "money", "15", "MYR")]),
    ("a_subunit_alone", "la acción subió un centavo y luego 38,5 centavos", [F("un centavo", "money", "0.01", "USD"), F("38,5 centavos", "money", "0.385", "USD")]),
    ("pence", "el billete cuesta 250 peniques", [F("250 peniques", "money", "2.5", "GBP")]),
    ("sign_with_a_prefix_and_a_space", "pagó C$ 2,10 y U$D 40 millones", [F("C$ 2,10", "money", "2.10", "CAD"), F("U$D 40 millones", "money", "40000000", "USD")]),
    ("sign_in_lowercase", "cuesta mxn$ 20 o u$s 3", [F("mxn$ 20", "money", "20", "MXN"), F("u$s 3", "money", "3", "USD")]),
    ("dollar_sign_and_a_space", "cuesta $ 12,80 en la tienda de Miami", [F("$ 12,80", "money", "12.80", "USD")]),
    ("dollars_and_cents", "pagó 20 dólares y 10 centavos", [F("20 dólares y 10 centavos", "money", "20.10", "USD")]),
    ("euros_and_cents_in_words", "doce euros y treinta céntimos", [F("doce euros y treinta céntimos", "money", "12.30", "EUR")]),
    ("euros_con_cents", "el menú sale a 30 euros con 25.", [F("30 euros con 25", "money", "30.25", "EUR")]),
    ("code_before_the_scale", "recaudó 60 USD millones y 3 EUR millones", [F("60 USD millones", "money", "60000000", "USD"), F("3 EUR millones", "money", "3000000", "EUR")]),
    ("round_millions_in_digits_with_de", "valía 20.000.000 de pesetas", [F("20.000.000 de pesetas", "money", "20000000", "ESP")]),
    ("dirhams_and_bitcoins", "50 dírhams y 5 bitcoins", [F("50 dírhams", "money", "50", "AED"), F("5 bitcoins", "money", "5", "XBT")]),
)

UNITS = table(
    ("feet", "la ola medía doce pies", [F("doce pies", "quantity", "12", "ft")]),
    ("pounds_of_weight", "el pescado pesaba tres libras", [F("tres libras", "quantity", "3", "lb")]),
    ("pounds_and_ounces", "tres libras y dos onzas", [F("tres libras", "quantity", "3", "lb"), F("dos onzas", "quantity", "2", "oz")]),
    ("pounds_sterling", "la entrada cuesta tres libras", [F("tres libras", "money", "3", "GBP")]),
    ("miles_per_hour", "iba a 90 millas por hora", [F("90 millas por hora", "quantity", "90", "mph")]),
    ("cubic_centimetres_and_millimetres", "un motor de 1.300 cc y balas de 9 mm", [F("1.300 cc", "quantity", "1300", "cm3"), F("9 mm", "quantity", "9", "mm")]),
    ("horsepower", "un coche de 150 caballos de fuerza", [F("150 caballos de fuerza", "quantity", "150", "hp")]),
    ("fahrenheit", "marcó 90 grados Fahrenheit", [F("90 grados Fahrenheit", "quantity", "90", "°F")]),
    ("and_a_half_after_a_unit", "pesaba 12 kilos y medio", [F("12 kilos y medio", "quantity", "12.5", "kg")]),
    ("yards", "a 40 yardas", [F("40 yardas", "quantity", "40", "yd")]),
    ("one_unit_and_a_half", "a un kilómetro y medio", [F("un kilómetro y medio", "quantity", "1.5", "km")]),
)

WIRE_COPY = table(
    ("apostrophe_decimal", "el paro subió un 0'5 por ciento y un 2’3 %", [F("0'5 por ciento", "percent", "0.5"), F("2’3 %", "percent", "2.3")]),
    ("half_a_point", "la prima bajó medio punto porcentual", [F("medio punto porcentual", "quantity", "0.5", "pp")]),
    ("a_point_and_a_half", "el paro bajó punto y medio, al 12 %", [F("punto y medio", "quantity", "1.5", "pp"), F("12 %", "percent", "12")]),
    ("points_and_a_half", "el IPC subió dos puntos y medio, al 4 %", [F("dos puntos y medio", "quantity", "2.5", "pp"), F("4 %", "percent", "4")]),
    ("one_percentage_point", "bajó un punto porcentual", [F("un punto porcentual", "quantity", "1", "pp")]),
    ("tenths_of_a_point", "el paro bajó tres décimas", [F("tres décimas", "quantity", "0.3", "pp")]),
    ("per_cent_as_por_100", "un 15 por 100 de los votos", [F("15 por 100", "percent", "15")]),
    ("capitals_headline", "2.300 DESPIDOS EN LA BANCA", [F("2.300 DESPIDOS", "count", "2300")]),
    ("capitals_percentage", "SUBE UN 45 POR CIENTO", [F("45 POR CIENTO", "percent", "45")]),
    ("currency_carried_over_with_a_scale", "costó 80.000 millones de pesetas y otros 12.000 millones en intereses",
     [F("80.000 millones de pesetas", "money", "80000000000", "ESP"), F("12.000 millones", "money", "12000000000", "ESP")]),
    ("currency_carried_over_after_otros", "el piso valía 20.000.000 de pesetas y el garaje otros 5.000.000.",
     [F("20.000.000 de pesetas", "money", "20000000", "ESP"), F("5.000.000", "money", "5000000", "ESP")]),
)

NOT_WIRE_FIGURES = [
    pytest.param("La ONU cifra en 5 ONGS las afectadas", id="acronym_in_capitals_is_not_a_counted_noun"),
    pytest.param("ganó en tres décimas de segundo", id="tenths_of_a_second"),
    pytest.param("fue un punto de inflexión", id="un_punto_alone"),
    pytest.param("un marco legal y un peso importante", id="un_before_a_currency_word_is_an_article"),
    pytest.param("vive a un metro de la estación", id="un_before_a_unit_alone_is_an_article"),
]

RATES = table(
    ("per_100000_inhabitants", "superó los 284 casos por 100.000 habitantes", [F("284 casos", "count", "284", per=("100000", "habitantes"))]),
    ("per_million_of", "9 fallecidos por millón de habitantes", [F("9 fallecidos", "count", "9", per=("1000000", "habitantes"))]),
    ("per_a_power_of_ten_alone", "9 fallecidos por millón y 284 casos por 100.000.", [F("9 fallecidos", "count", "9", per=("1000000", None)), F("284 casos", "count", "284", per=("100000", None))]),
    ("por_cada_number_in_words", "9,5 nacimientos por cada mil habitantes", [F("9,5 nacimientos", "count", "9.5", per=("1000", "habitantes"))]),
    ("per_minute", "pasaban 30 autos por minuto", [F("30 autos", "count", "30", per=("1", "minuto"))]),
    ("per_week_after_mil", "hacen 150 mil pruebas por semana", [F("150 mil pruebas", "count", "150000", per=("1", "semana"))]),
    ("per_classroom", "con 20 alumnos por aula", [F("20 alumnos", "count", "20", per=("1", "aula"))]),
    ("cada_day", "hace 6 intentos cada día", [F("6 intentos", "count", "6", per=("1", "día"))]),
    ("al_year_for_money", "cobra 250 millones de pesos mexicanos al año", [F("250 millones de pesos mexicanos", "money", "250000000", "MXN", per=("1", "año"))]),
    ("a_la_semana", "tres vuelos a la semana", [F("tres vuelos", "count", "3", per=("1", "semana"))]),
    ("daily_adjective", "unos 6.000 contagios diarios", [F("unos 6.000 contagios", "count", "6000", per=("1", "día"))]),
    ("per_share", "un dividendo de 0,10 euros por acción", [F("0,10 euros", "money", "0.10", "EUR", per=("1", "acción"))]),
    ("per_unit_of_measure", "el crudo a 80 dólares por barril", [F("80 dólares", "money", "80", "USD", per=("1", "barril"))]),
    ("exchange_rate", "cotizó a 1,08 dólares por euro", [F("1,08 dólares", "money", "1.08", "USD", per=("1", "euro"))]),
    ("price_with_article", "vende a 3 euros el kilo", [F("3 euros", "money", "3", "EUR", per=("1", "kilo"))]),
    ("per_capita", "un ingreso de 12.000 dólares per cápita", [F("12.000 dólares", "money", "12000", "USD", per=("1", "cápita"))]),
    ("quantity_per_year_after_its_object", "410.000 toneladas de wolframio al año", [F("410.000 toneladas", "quantity", "410000", "t", per=("1", "año"))]),
    ("rain_per_square_metre", "cayeron 30 litros por metro cuadrado", [F("30 litros", "quantity", "30", "l", per=("1", "metro cuadrado"))]),
    ("range_per_inhabitants", "entre 3 y 5 muertos por cada 100.000 habitantes", [F("entre 3 y 5 muertos", "count", "3", high="5", per=("100000", "habitantes"))]),
    ("each_one", "cuestan menos de 25 dólares cada uno", [F("menos de 25 dólares", "money", "25", "USD", per=("1", "uno"))]),
    ("cada_any_noun", "paga cerca de 55 dólares cada recarga", [F("cerca de 55 dólares", "money", "55", "USD", per=("1", "recarga"))]),
    ("cada_a_number_of_weeks", "se forman 1.200 profesores cada tres semanas", [F("1.200 profesores", "count", "1200", per=("3", "semanas"))]),
    ("after_the_object_of_a_count", "ocho vasos de agua al día", [F("ocho vasos", "count", "8", per=("1", "día"))]),
    ("per_listed_person_noun", "3,5 contagios por infectado", [F("3,5 contagios", "count", "3.5", per=("1", "infectado"))]),
)

NOT_RATES = table(
    ("cause_after_por", "murieron 100 mil personas por covid-19", [F("100 mil personas", "count", "100000")]),
    ("direction_after_al", "a unos 60 kilómetros al suroeste", [F("unos 60 kilómetros", "quantity", "60", "km")]),
    ("recipient_after_al", "3 mil 400 millones de euros al sector turístico", [F("3 mil 400 millones de euros", "money", "3400000000", "EUR")]),
    ("crime_after_por", "los 20 detenidos por robo", [F("20 detenidos", "count", "20")]),
    ("a_margin_after_por", "ganó con 20 votos por 3.", [F("20 votos", "count", "20")]),
    ("a_date_after_la", "gastó 5 euros la semana pasada", [F("5 euros", "money", "5", "EUR")]),
    ("percentages_stay_percentages", "crece un 2 % al año", [F("2 %", "percent", "2")]),
    ("a_proportion_is_no_figure", "3 de cada 10 votantes", []),
    ("a_cause_after_the_object", "cuatro muertes por fentanilo y 2 euros por usar un cajero", [F("cuatro muertes", "count", "4"), F("2 euros", "money", "2", "EUR")]),
)


@pytest.mark.parametrize("text, expected", SPELLED_DECIMALS + FRACTIONS + NEGATIVE_VALUES + MORE_SHAPES + NOT_NEGATIVE
                         + CURRENCIES + UNITS + WIRE_COPY + RATES + NOT_RATES)
def test_shape(text, expected):
    assert observed(text) == expected


@pytest.mark.parametrize("text", NOT_FRACTIONS + NOT_WIRE_FIGURES)
def test_not_a_figure(text):
    assert observed(text) == []


def test_the_denominator_of_a_rate_is_not_counted_again():
    # `por 100.000 habitantes` was stored as a count of 100,000 `habitantes` before rates.
    assert [a.text for a in extract_amounts("284 casos por 100.000 habitantes y 5 muertos por cada 1.000 pacientes")] == [
        "284 casos", "5 muertos"]


def test_a_conversion_in_parentheses_restates_the_figure_before_it():
    found = extract_amounts("invertirá 4.000 millones de dólares (3.400 millones de euros) y 100 millas "
                            "(160 kilómetros); 5 euros (el 20 %) y 3 dólares (y 2 euros)")
    assert [(a.text, a.restates) for a in found] == [
        ("4.000 millones de dólares", False), ("3.400 millones de euros", True), ("100 millas", False),
        ("160 kilómetros", True), ("5 euros", False), ("20 %", False), ("3 dólares", False), ("2 euros", False)]


@pytest.mark.parametrize("text, currency", [
    pytest.param("La alcaldía de Medellín invertirá 250 millones de pesos en parques.", "COP", id="a_colombian_city"),
    pytest.param("En Buenos Aires la entrada cuesta $ 25.000.", "ARS", id="a_capital_for_a_bare_dollar_sign"),
    pytest.param("Un café en Roma costaba 1.500 liras.", "ITL", id="a_four_letter_capital"),
    pytest.param("Para ir a Casa Blanca pagó 300 pesos.", "MXN", id="function_words_and_short_names_are_not_places"),
])
def test_an_ambiguous_currency_takes_the_country_of_the_places_named(text, currency):
    # No outlet, no currency written elsewhere, no demonym: the places decide, and a tie keeps
    # the first currency listed for the word (MXN for `pesos`).
    assert [a.unit for a in extract_amounts(text) if a.kind == "money"] == [currency]

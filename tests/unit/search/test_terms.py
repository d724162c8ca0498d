"""Search terms and snippets: plain functions, no database."""

from warehouse.search.results import outlets_like, query_stems, snippet
from warehouse.search.terms import TITLE_WEIGHT, document_terms, fold, stem, words


def test_forms_of_a_word_share_a_stem_whatever_case_and_accents():
    assert stem("ruso") == stem("rusos") == stem("rusa")
    assert stem("gasoducto") == stem("gasoductos")
    assert fold("Moscú") == "moscu" and fold("NIÑO") == "niño" and fold("Pingüino") == "pinguino"
    assert query_stems("Moscu") == query_stems("moscú") == query_stems("MOSCÚ")


def test_function_words_are_not_indexed_and_a_query_of_them_asks_nothing():
    assert words("El gas de la Rusia y los rusos") == ["gas", "rusia", "rusos"]
    assert query_stems("de la que") == frozenset()
    # Typed with an accent they are still function words in a query (`dé` would be `de`).
    assert query_stems("Ciudad dé México") == query_stems("Ciudad de México") == query_stems("ciudad méxico")
    assert query_stems("una vacuna") == query_stems("vacuna")


def test_enye_is_a_letter_and_a_dotted_abbreviation_is_one_word():
    assert query_stems("Peña") != query_stems("pena") and query_stems("año") != query_stems("ano")
    assert words("Viajó a EE.UU. y a la U.E.") == ["viajó", "eeuu", "ue"]
    assert words("Son las 3 p.m. en Nueva York.")[-3:] == ["pm", "nueva", "york"]


def test_title_words_count_twice_and_length_is_the_weighted_sum():
    terms = document_terms("Gas ruso", "El gas llega. Los rusos venden gas.")
    assert terms.counts[stem("gas")] == TITLE_WEIGHT + 2
    assert terms.counts[stem("ruso")] == TITLE_WEIGHT + 1
    assert terms.length == sum(terms.counts.values()) == 2 * TITLE_WEIGHT + 5
    assert terms.stems["rusos"] == stem("rusos")


def test_snippet_marks_the_words_and_picks_the_stretch_holding_most_of_them():
    body = ("Un texto de relleno sobre el tiempo. " * 12 + "El gasoducto ruso llevará gas a Europa. "
            + "Otra frase sobre fútbol. " * 12 + "Un gasoducto nuevo.")
    text = snippet(body, query_stems("gasoductos rusos"), chars=120)
    assert "**gasoducto** **ruso**" in text and text.startswith("…") and text.endswith("…")
    assert len(text) < 140


def test_snippet_of_a_body_without_the_words_is_its_start():
    assert snippet("Primera frase. Segunda frase.", query_stems("gas"), chars=14) == "Primera frase.…"


def test_outlets_like_helps_a_filter_that_found_nothing():
    outlets = ["El País", "El Pais", "EFE", "Marca"]
    assert outlets_like("pais", outlets) == ["El País", "El Pais"]
    assert outlets_like("el pais", outlets) == ["el pais"]
    assert outlets_like("Reuters", outlets) == []

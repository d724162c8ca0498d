"""Span rules of `entity_rules.py` on sentences written for them, through the real pipeline."""

import pytest


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize("text, expected", [
    ("Dijo el Dr. Anthony Fauci en la reunión.", ("Anthony Fauci", "PER")),
    ("La Policía Nacional detuvo a dos personas en el centro.", ("Policía Nacional", "ORG")),
    ("La Administración de Medicamentos y Alimentos de Estados Unidos (FDA) aprobó la vacuna.",
     ("Administración de Medicamentos y Alimentos de Estados Unidos", "ORG")),
    ("La sanción de la Comisión de Apelación de la FIFA llegó tarde.", ("Comisión de Apelación de la FIFA", "ORG")),
    ("El mensaje de Andrés Manuel López Obrador llegó tarde.", ("Andrés Manuel López Obrador", "PER")),
    ("Miles de usuarios usaron la etiqueta #TimesUp en redes.", ("#TimesUp", "MISC")),
    ("Secuencias del virus SARS-COV-2 a partir de diciembre.", ("SARS-COV-2", "MISC")),
    ("Los libros nuevos de \"Game of Thrones\" saldrán pronto.", ("Game of Thrones", "MISC")),
    ("La empresa Johnson & Johnson anunció su vacuna.", ("Johnson & Johnson", "ORG")),
], ids=["title-outside", "article-outside", "name-with-y-before-its-acronym", "body-of-a-body",
        "known-name-the-model-cuts", "hashtag", "a-code-with-a-number-is-one-name", "quoted-title-with-connectors",
        "an-ampersand-joins-a-firm"])
def test_spans_follow_the_guidelines(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_a_name_written_twice_in_a_row_is_two_mentions(nlp):
    found = ents(nlp, "Lo asegura Carmen Salinas Carmen Salinas, que es priísta desde siempre.")
    assert [text for text, _ in found] == ["Carmen Salinas", "Carmen Salinas"]


def test_a_quoted_sentence_is_not_a_title(nlp):
    found = {text for text, _ in ents(nlp, "Dijo que «Estados Unidos no pagará el muro de la frontera».")}
    assert "Estados Unidos" in found and not any("pagará" in text for text in found)


def test_a_country_code_after_a_person_is_a_place(nlp):
    found = ents(nlp, "1. Rafael Nadal (ESP) 2. Novak Djokovic (SRB)")
    assert ("ESP", "LOC") in found and ("SRB", "LOC") in found


def test_party_lists_joined_by_hyphens_are_one_span_each(nlp):
    found = {text for text, _ in ents(nlp, "La coalición PAN-PRD-MC presentó su candidato.")}
    assert {"PAN", "PRD"} <= found and "PAN-PRD-MC" not in found


def test_masked_numbers_lone_initials_and_articles_are_not_entities(nlp):
    found = {text for text, _ in ents(nlp, "El *NUMBER* de junio, Jorge N. votó con *NUMBER* personas. «El tiempo dirá».")}
    assert not found & {"NUMBER", "*NUMBER*", "N.", "El", "Junio", "junio"}


def test_words_of_a_capitals_headline_are_not_names(nlp):
    found = {text for text, _ in ents(nlp, "ÚLTIMA HORA: REGISTRAN 2.300 DESPIDOS EN LA PLANTA\n\nEl texto sigue.")}
    assert not found & {"ÚLTIMA HORA", "DESPIDOS", "REGISTRAN"}


def test_an_article_written_with_a_capital_inside_a_sentence_belongs_to_the_name(nlp):
    assert ("El Salvador", "LOC") in ents(nlp, "Viajó a El Salvador la semana pasada.")


def test_an_events_year_joins_its_name(nlp):
    assert ("Mundial de Qatar 2022", "MISC") in ents(nlp, "Jugará el Mundial de Qatar 2022 con su selección.")
    found = ents(nlp, "Ganó la Copa Mundial de 2018 y los Juegos Olímpicos de *NUMBER* con su selección.")
    assert {text for text, label in found if label == "MISC"} >= {"Copa Mundial de 2018", "Juegos Olímpicos de *NUMBER*"}


def test_a_year_that_opens_another_span_is_left_to_it(nlp):
    from spacy.tokens import Span

    from warehouse.extraction.learned_typer import news_learned_typer

    doc = nlp.make_doc("Ganó el Mundial 2022 Ford Motor y siguió.")
    doc.ents = [Span(doc, 2, 3, label="MISC"), Span(doc, 3, 6, label="ORG")]
    assert len(news_learned_typer(doc).ents) >= 1   # no overlapping spans: spaCy would refuse them


@pytest.mark.parametrize("text, expected", [
    ("CIUDAD DE MÉXICO (apro).- El gobierno habló.", ("CIUDAD DE MÉXICO", "LOC")),
    ("La Junta Provincial Electoral contó los votos.", ("Junta Provincial Electoral", "ORG")),
    ("Cantó la canción \"Despacito\" en la gala.", ("Despacito", "MISC")),
    ("Leyó la serie «Canción de hielo y fuego» entera.", ("Canción de hielo y fuego", "MISC")),
], ids=["known-name-in-capitals", "body-name-the-model-cut", "quoted-title", "quoted-title-with-lowercase"])
def test_names_the_model_cut_are_whole(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_quote_marks_and_brackets_end_a_name(nlp):
    found = {text for text, _ in ents(nlp, "Según DKV “Muface paga”, y el Ministerio de Salud (Minsa) dijo.")}
    assert {"DKV", "Ministerio de Salud", "Minsa"} <= found and not any("(" in t or "“" in t for t in found)

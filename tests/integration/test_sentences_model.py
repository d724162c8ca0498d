"""Sentence boundaries of the real pipeline on Spanish news text: rules in place of the model's
senter, tokens from the model's tokenizer, NER after them."""

import pytest

from warehouse.extraction.extract import extract_texts
from warehouse.extraction.pipeline import load_pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text, sentences", [
    ("Moscú, 11 nov (EFE).- El presidente de Rusia, Vladímir Putin, recibió a Tokáyev.",
     ["Moscú, 11 nov (EFE).-", "El presidente de Rusia, Vladímir Putin, recibió a Tokáyev."]),
    ("Lo dijo el Sr. Pérez y la Dra. García. Luego habló el Lic. Ramos.",
     ["Lo dijo el Sr. Pérez y la Dra. García.", "Luego habló el Lic. Ramos."]),
    ("Según el art. 5 y el núm. 3 de la pág. 12. Después se votó.",
     ["Según el art. 5 y el núm. 3 de la pág. 12.", "Después se votó."]),
    ("Llegó a EE.UU. El lunes firmó la cumbre EE.UU.-Asia Central.",
     ["Llegó a EE.UU.", "El lunes firmó la cumbre EE.UU.-Asia Central."]),
    ("Lo publicó J. K. Rowling y lo leyó H.R. McMaster.", ["Lo publicó J. K. Rowling y lo leyó H.R. McMaster."]),
    ("Aporta zinc, vitamina B12 y C. Asimismo, aporta proteínas.",
     ["Aporta zinc, vitamina B12 y C.", "Asimismo, aporta proteínas."]),
    ("Subió un 3.5 % y 1,5 millones. «Es así», dijo. ¿Vendrá? Sí, el jueves.",
     ["Subió un 3.5 % y 1,5 millones.", "«Es así», dijo.", "¿Vendrá?", "Sí, el jueves."]),
    ("«No habrá más recortes.» Luego añadió: «Nunca».",
     ["«No habrá más recortes.»", "Luego añadió: «Nunca»."]),
    ("¿Quién lo sabe?, preguntó. ¡Basta ya! Gritaron todos.",
     ["¿Quién lo sabe?, preguntó.", "¡Basta ya!", "Gritaron todos."]),
    ("Vendió libros, discos, etc. Después cerró. Trajo pan, vino, etc. y se fue.",
     ["Vendió libros, discos, etc.", "Después cerró.", "Trajo pan, vino, etc. y se fue."]),
    ("Cierra la tienda... Mañana abre otra.", ["Cierra la tienda...", "Mañana abre otra."]),
    ("LAS CAMAS SE OCUPAN\nEl hospital pidió ayuda.", ["LAS CAMAS SE OCUPAN\n", "El hospital pidió ayuda."]),
    ("Fox ganó más.  Las acciones cayeron.", ["Fox ganó más.  ", "Las acciones cayeron."]),
    ("Votaron las organizaciones políticas.En BBC Mundo lo explicamos.",
     ["Votaron las organizaciones políticas.", "En BBC Mundo lo explicamos."]),
])
def test_sentences_of_news_text(nlp, text, sentences):
    assert [sentence.text for sentence in nlp(text).sents] == sentences


def test_the_pipeline_tags_with_ner_alone_after_the_sentence_rules(nlp):
    assert "tok2vec" not in nlp.pipe_names and "senter" not in nlp.pipe_names
    assert nlp.pipe_names.index("news_sentences") < nlp.pipe_names.index("ner")


def test_no_entity_crosses_a_sentence_and_figures_keep_their_sentence(nlp):
    text = "Moscú, 11 nov (EFE).- El presidente Vladímir Putin ofreció 4.000 millones de dólares. Kazajistán aceptó."
    [extraction] = extract_texts([("a", text)], nlp=nlp)
    doc = nlp(text)
    starts = [sentence.start_char for sentence in doc.sents]
    for entity in doc.ents:
        assert entity.sent.start_char <= entity.start_char and entity.end_char <= entity.sent.end_char
    sentence_of = {mention.text: mention.sentence for mention in extraction.mentions}
    assert sentence_of["Moscú"] == 0 and sentence_of["Vladímir Putin"] == 1 and sentence_of["Kazajistán"] == 2
    assert extraction.amount_sentences == (1,) and len(starts) == 3

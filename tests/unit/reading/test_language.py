"""Language detection: non-Spanish articles are flagged, Spanish ones never (warehouse/reading/language.py).

`tests/data/language_samples.jsonl` holds short news paragraphs written for these tests, one
language each (`language: null` for texts too short to judge). Paragraphs marked "corpus" below
are copied verbatim from real Spanish and Latin American news (FakeDeS 2021, true class), chosen
for their English titles and names, Catalan names, or the lowest confidence of the corpus.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from pathlib import Path

import pytest

from warehouse.paths import PROJECT_ROOT, SEEDS_DIR
from warehouse.reading.language import (SAMPLE_CHARS, UNDECIDABLE, LanguageGuess, detect_language, is_spanish,
                                        load_function_words)

DATA = PROJECT_ROOT / "tests" / "data"


def read_jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines()]


SAMPLES = read_jsonl("language_samples.jsonl")
# The languages the pipeline must not take for Spanish.
REQUIRED_LANGUAGES = {"es", "en", "pt", "fr", "it", "ca", "gl", "de"}


def samples(language_filter) -> list:
    return [pytest.param(s["text"], s["language"], id=s["id"]) for s in SAMPLES
            if language_filter(s["language"])]


# --- the written samples ----------------------------------------------------------------------


def test_samples_cover_every_required_language_and_the_edge_cases():
    written = {s["language"] for s in SAMPLES}
    assert REQUIRED_LANGUAGES | {None} <= written
    assert len({s["id"] for s in SAMPLES}) == len(SAMPLES)


@pytest.mark.parametrize(("text", "language"), samples(lambda lang: lang not in (None, "es")))
def test_non_spanish_text_is_flagged_with_its_language(text, language):
    guess = detect_language(text)
    assert guess.language == language
    assert not is_spanish(guess)
    assert 0.0 < guess.confidence <= 1.0


@pytest.mark.parametrize(("text", "language"), samples(lambda lang: lang == "es"))
def test_spanish_with_english_quotes_and_regional_names_is_spanish(text, language):
    guess = detect_language(text)
    assert guess.language == "es"
    assert is_spanish(guess)


@pytest.mark.parametrize(("text", "language"), samples(lambda lang: lang is None))
def test_too_little_text_is_undecidable_and_passes(text, language):
    guess = detect_language(text)
    assert guess == UNDECIDABLE
    assert is_spanish(guess)


# --- real Spanish news ------------------------------------------------------------------------

CORPUS_PARAGRAPHS = [
    pytest.param(  # corpus fakedes2021_true:11, an English magazine title
        "En 1962 en Seattle se tuvo que decidir quién era candidato a los primeros tratamientos de "
        "hemodiálisis. En un Noticia de la revista Life titulado: “They decide who lives and who "
        "dies” (Ellos deciden quién vive y quién muere) se relataba la historia de uno de los "
        "pacientes que pudo sobrevivir gracias al tratamiento… y a la decisión del comité formado "
        "por siete ciudadanos que decidían quién vivía y quién no era candidato al tratamiento.",
        id="english_title_in_quotes"),
    pytest.param(  # corpus fakedes2021_true:47, an English song title
        "Pero a pesar de esto, hay un clásico que nunca cambia y nos acompaña cada Navidad: se trata "
        "del villancico 'All I Want for Chritsmas is you' de Mariah Carey que tras 26 años de este "
        "clásico inapelable en estas fechas y que cada año le hace recaudar miles y miles de dólares, "
        "algunos artistas han cambiado su formato habitual y se han adaptado a la Navidad de la forma "
        "que mejor saben hacerlo. 'Llegó la Navidad', (Ozuna)",
        id="english_song_title"),
    pytest.param(  # corpus fakedes2021_true:68, English organisation names
        "En este polémico proyecto participan, entre otras, The Rockefeller Foundation, Microsoft y "
        "Gavi 'The Vaccine Alliance', ésta última auspiciada por la Fundación Bill y Melinda Gates. "
        "Junto a ellos se encuentran las corporaciones Hyperledger, que promueve la tecnología "
        "blockchain; IRespond y Simprints, organizaciones dedicadas al uso de datos biométricos para "
        "la identidad digital; así como la ICC, International Computing Center de Naciones Unidas.",
        id="english_organisation_names"),
    pytest.param(  # corpus fakedes2021_true:125, an English hospital name
        "“La mayor parte de la comida, por ejemplo, a menos que sea hecha en condiciones "
        "excepcionalmente limpias o esterilizada, contiene algunos microbios”, escribió la doctora "
        "Victoria Forster, catedrática postdoctoral en The Hospital for Sick Children en Toronto, "
        "Canadá, en Forbes.",
        id="english_institution_name"),
    pytest.param(  # corpus fakedes2021_true:250, Catalan institutions
        "Este año, la Generalitat no ha contratado profesores suficientes para mantener la ratio de "
        "20 alumnos por aula en primaria y de 30 en secundaria, tal como propuso en día el conseller "
        "de Josep Bargalló (ERC). Queda al libre albedrío erasmista de cada centro ese detalle tan "
        "nimio. Pero los imanes están de enhorabuena.",
        id="catalan_institutions"),
    pytest.param(  # corpus fakedes2021_true:161, the lowest confidence among corpus paragraphs
        "\"La cuenta de mi papá llegó hasta más de US$200.000. Después de negociar con la clínica la "
        "bajaron a US$140.000. Hasta la fecha hemos pagado casi US$57.000 -con eso te puedes comprar "
        "un departamento aquí en Perú- pero nos falta pagar el resto\", dice.",
        id="quoted_speech_with_dollar_figures"),
    pytest.param(  # corpus fakedes2021_true:104, a Chinese name (`Li` is a Catalan pronoun)
        "Se cumple un año desde que el doctor chino Li Wenliang, considerado un héroe por hacer "
        "saltar las alarmas sobre el coronavirus en los primeros días del brote, murió por la "
        "infección.",
        id="chinese_name_li"),
]


@pytest.mark.parametrize("text", CORPUS_PARAGRAPHS)
def test_real_spanish_paragraphs_are_spanish(text):
    assert detect_language(text).language == "es"


@pytest.mark.parametrize("text", [
    pytest.param("¿Qué hizo Li Wenliang?", id="corpus_subheading"),  # fakedes2021_true:104
    pytest.param("'All I Want (For Christmas)' (Liam Payne)", id="corpus_english_song_line"),  # :47
])
def test_real_short_lines_are_undecidable(text):
    assert detect_language(text) == UNDECIDABLE


def _article_texts() -> list:
    """Every article text of the other test data files: real Spanish news and the two samples."""
    params = []
    for path in sorted(DATA.glob("*.jsonl")):
        if path.name in ("language_samples.jsonl", "entities_gold_readers.jsonl", "entities_identity_gold.jsonl",
                         "figures_shapes_dev.jsonl"):
            continue   # paragraphs made up for the language judgement; annotations without their text;
                       # one-line sentences written for the figure shapes (too short to judge)
        for number, record in enumerate(read_jsonl(path.name), 1):
            # story_pairs.jsonl holds two articles a record
            sides = [("", record)] if "text" in record else [(f":{side}", record[side]) for side in ("a", "b")]
            params += [pytest.param(article["text"], id=f"{path.stem}:{number}{suffix}") for suffix, article in sides]
    return params


def test_the_article_test_data_is_all_there():
    assert len(_article_texts()) >= 100


@pytest.mark.parametrize("text", _article_texts())
def test_every_real_spanish_article_is_spanish(text):
    guess = detect_language(text)
    assert guess.language == "es"
    # The whole corpus stays above 0.75: a drop means a seed edit made Spanish words ambiguous.
    assert guess.confidence >= 0.7


# --- the mechanics ----------------------------------------------------------------------------


SPANISH_PARAGRAPH = next(s["text"] for s in SAMPLES if s["id"] == "es-brexit-quote")
ENGLISH_PARAGRAPH = next(s["text"] for s in SAMPLES if s["id"] == "en-port-strike")


def test_only_the_first_sample_chars_vote():
    spanish_head = (SPANISH_PARAGRAPH + " ") * (SAMPLE_CHARS // len(SPANISH_PARAGRAPH) + 1)
    assert detect_language(spanish_head + ENGLISH_PARAGRAPH * 20).language == "es"
    english_head = (ENGLISH_PARAGRAPH + " ") * (SAMPLE_CHARS // len(ENGLISH_PARAGRAPH) + 1)
    assert detect_language(english_head + SPANISH_PARAGRAPH * 20).language == "en"


def test_decomposed_accents_and_typographic_apostrophes_read_as_the_lists_write_them():
    catalan = next(s["text"] for s in SAMPLES if s["id"] == "ca-habitatge")
    assert detect_language(unicodedata.normalize("NFD", catalan)) == detect_language(catalan)
    assert detect_language(catalan.replace("'", "\u2019")) == detect_language(catalan)


def test_a_tie_with_spanish_is_undecidable_not_flagged():
    # `los` and `las` are only Spanish, `os` and `as` only Galician/Portuguese here.
    assert detect_language("los las os as " * 10) == UNDECIDABLE


def test_a_bare_lead_is_not_enough_without_evidence_beyond_chance():
    # Seven Catalan-only words against five Spanish-only ones: Catalan leads, but by chance.
    text = "amb " * 7 + "con " * 5
    assert detect_language(text) == UNDECIDABLE
    assert detect_language("amb " * 12).language == "ca"


def test_confidence_is_the_margin_over_the_rival():
    # Nine Spanish-only words (`los`) against one Galician/Portuguese-only (`os`).
    guess = detect_language("los " * 9 + "os")
    assert guess == LanguageGuess(language="es", confidence=pytest.approx(0.8))


def test_is_spanish_flags_only_a_decided_other_language():
    assert is_spanish(LanguageGuess("es", 1.0))
    assert is_spanish(UNDECIDABLE)
    assert not is_spanish(LanguageGuess("gl", 0.2))


# --- the seed ---------------------------------------------------------------------------------


def test_seed_lists_every_required_language_once_per_word():
    with open(SEEDS_DIR / "language_function_words.csv", encoding="utf-8", newline="") as handle:
        rows = [(row["language"], row["word"]) for row in csv.DictReader(handle)]
    assert REQUIRED_LANGUAGES <= {language for language, _ in rows}
    assert len(rows) == len(set(rows))
    for language, word in rows:
        assert word == unicodedata.normalize("NFC", word.strip().lower()), (language, word)
        assert not any(ch.isdigit() for ch in word), (language, word)


def test_seed_with_a_bad_language_code_is_refused(tmp_path):
    (tmp_path / "language_function_words.csv").write_text(
        "language,word\nes,el\nspanish,la\n", encoding="utf-8")
    with pytest.raises(ValueError, match="ISO 639-1"):
        load_function_words(tmp_path)


def test_seed_without_spanish_is_refused(tmp_path):
    (tmp_path / "language_function_words.csv").write_text(
        "language,word\nen,the\npt,uma\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Spanish"):
        load_function_words(tmp_path)

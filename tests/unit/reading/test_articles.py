"""Readers: raw scraped text and JSON Lines -> Article records."""

import json
from datetime import date

import pytest

from warehouse.reading.articles import MAX_BODY_CHARS, article_id, parse_jsonl, parse_raw_text


def test_titled_sample_keeps_title_date_dateline_and_agency(sample_articles):
    first = sample_articles[0]
    assert first.title == ("Putin y Tokáyev celebran una reunión informal en el Kremlin en vísperas "
                           "de negociaciones")
    assert first.published == date(2025, 11, 11)
    assert first.dateline_place == "Moscú"
    assert first.agency == "EFE"
    assert first.body.startswith("Moscú, 11 nov (EFE).- El presidente de Rusia")
    assert first.source_path == "000_542891e76d12465d.txt" and first.position == 0


def test_reading_time_signature_and_byline_are_not_body(sample_articles):
    body = sample_articles[0].body
    assert "2 minutos" not in body
    assert body.endswith("en las últimas semanas.")
    assert "mos/lar" not in body


def test_untitled_sample_starts_body_on_header_line(sample_articles):
    second = sample_articles[1]
    assert second.title is None
    assert second.published == date(2025, 11, 11)
    assert second.body.startswith('"El punto clave de mi visita a Moscú')
    assert second.dateline_place is None and second.agency is None


def test_samples_have_distinct_ids(sample_articles):
    assert len({a.article_id for a in sample_articles}) == 2


RAW_TWO_ARTICLES = """ date 2025-11-11 Primera noticia

1 minuto

Madrid, 3 dic (Europa Press).- Texto de la primera.

Segundo párrafo. EFE

abc/def
date 2025-11-12
Texto de la segunda noticia, sin título, que termina aquí.
"""


def test_file_with_two_headers_gives_two_articles_in_order():
    parsed = parse_raw_text(RAW_TWO_ARTICLES, "two.txt")
    assert [a.position for a in parsed.articles] == [0, 1]
    first, second = parsed.articles
    assert first.title == "Primera noticia"
    assert first.body == "Madrid, 3 dic (Europa Press).- Texto de la primera.\n\nSegundo párrafo."
    assert first.agency == "Europa Press" and first.dateline_place == "Madrid"
    assert second.title is None and second.published == date(2025, 11, 12)
    assert second.body == "Texto de la segunda noticia, sin título, que termina aquí."


def test_header_after_previous_byline_on_same_line_is_found():
    parsed = parse_raw_text("mos/lar date 2025-01-02 Título\n\nCuerpo del texto.", "x.txt")
    assert [(a.title, a.body) for a in parsed.articles] == [("Título", "Cuerpo del texto.")]


def test_impossible_date_loads_with_null_date_and_a_warning():
    parsed = parse_raw_text("date 2025-13-45 Título\n\nCuerpo.", "x.txt")
    assert parsed.articles[0].published is None
    assert any("impossible date" in w for w in parsed.warnings)


def test_text_without_header_is_rejected_with_reason():
    parsed = parse_raw_text("Un texto cualquiera sin cabecera.", "x.txt")
    assert parsed.articles == []
    assert parsed.rejections[0].reason == "no 'date YYYY-MM-DD' header found"


def test_header_without_body_is_rejected_with_line_number():
    parsed = parse_raw_text("date 2025-01-01 Título\n\ndate 2025-01-02 Otro\n\nCuerpo.", "x.txt")
    assert len(parsed.articles) == 1
    assert (parsed.rejections[0].line, parsed.rejections[0].reason) == (1, "article has a header but no body")


def test_same_article_with_other_whitespace_and_line_endings_has_same_id():
    assert article_id("Título", "Uno  dos\n\ntres") == article_id("Título ", "Uno dos\r\n\r\ntres ")
    assert article_id("Título", "Uno dos") != article_id("Título", "Uno tres")


def test_jsonl_record_fields_are_kept():
    line = ('{"id": "n-1", "title": "T", "text": "Cuerpo con texto.", "date": "2021-02-03T10:00:00Z", '
            '"source": "El País", "url": "https://example.org/a"}')
    article = parse_jsonl(line, "f.jsonl").articles[0]
    assert (article.title, article.body, article.published) == ("T", "Cuerpo con texto.", date(2021, 2, 3))
    assert (article.outlet, article.url, article.source_ref) == ("El País", "https://example.org/a", "n-1")


@pytest.mark.parametrize("line, reason", [
    ("{not json", "invalid JSON"),
    ("[1, 2]", "line is not a JSON object"),
    ('{"title": "sin texto"}', "record has no 'text'"),
    ('{"text": "   "}', "record has no 'text'"),
    ('{"text": "' + "x" * (MAX_BODY_CHARS + 1) + '"}', "article text has 1,000,001 characters"),
    ('{"text": "Cifra \\ud800 de 7 %"}', "text contains an unpaired Unicode surrogate"),
    ('{"title": "\\udc00", "text": "Bien."}', "text contains an unpaired Unicode surrogate"),
], ids=["malformed", "not-an-object", "missing-text", "blank-text", "too-long", "surrogate", "surrogate-title"])
def test_bad_jsonl_lines_are_rejected_with_line_numbers_and_the_rest_loads(line, reason):
    text = '{"text": "Primera."}\n' + line + '\n{"text": "Tercera.", "date": null}\n'
    parsed = parse_jsonl(text, "f.jsonl")
    assert [a.body for a in parsed.articles] == ["Primera.", "Tercera."]
    assert [a.position for a in parsed.articles] == [0, 1]
    assert parsed.rejections[0].line == 2
    assert parsed.rejections[0].reason.startswith(reason)


def test_a_jsonl_record_with_a_bad_date_loads_with_no_date_and_a_warning():
    parsed = parse_jsonl('{"text": "Algo.", "date": "ayer"}\n{"text": "Otra.", "date": "2021-02-30"}',
                         "f.jsonl")
    assert [(a.body, a.published) for a in parsed.articles] == [("Algo.", None), ("Otra.", None)]
    assert parsed.rejections == []
    assert parsed.warnings[0].startswith("f.jsonl:1: bad 'date'")
    assert parsed.warnings[1].startswith("f.jsonl:2: bad 'date'")


def test_a_raw_article_over_the_length_limit_is_rejected_and_the_next_one_loads():
    text = "date 2025-11-11 T\n\n" + "palabra " * (MAX_BODY_CHARS // 8 + 1) + "\ndate 2025-11-12\n\nBreve."
    parsed = parse_raw_text(text, "f.txt")
    assert [a.body for a in parsed.articles] == ["Breve."]
    assert parsed.rejections[0].line == 1 and "over the 1,000,000 limit" in parsed.rejections[0].reason


def test_a_decomposed_unicode_article_is_stored_composed_with_its_dateline_and_figures():
    import json
    import unicodedata

    from warehouse.extraction.amounts import extract_amounts

    body = "Moscú, 11 nov (EFE).- El comercio creció casi 30.000 millones de dólares, un 70 %."
    record = {"title": "Putin y Tokáyev", "text": unicodedata.normalize("NFD", body)}
    assert record["text"] != body  # the input really is decomposed
    (article,) = parse_jsonl(json.dumps(record, ensure_ascii=False) + "\n", "nfd.jsonl").articles
    assert article.body == body and article.title == "Putin y Tokáyev"
    assert (article.dateline_place, article.agency) == ("Moscú", "EFE")
    assert [a.text for a in extract_amounts(article.body)] == ["casi 30.000 millones de dólares", "70 %"]


def test_jsonl_fields_that_are_lists_or_objects_are_left_out_not_rendered():
    line = json.dumps({"id": 12, "title": ["a", "b"], "text": "Cuerpo.", "url": {"x": 1}, "source": True})
    article = parse_jsonl(line, "f.jsonl").articles[0]
    assert (article.source_ref, article.title, article.url, article.outlet) == ("12", None, None, None)

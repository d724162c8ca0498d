"""Numbers as the dashboard shows them, and an article body with its spans marked."""

import math

import pandas as pd
import pytest

from warehouse.dashboard.formatting import euros, figure, marked_snippet, markdown_text, spanish_number
from warehouse.dashboard.highlight import marked_body


@pytest.mark.parametrize(("value", "decimals", "shown"), [
    (30000000000, None, "30.000.000.000"),
    (30000000000.0, None, "30.000.000.000"),
    (2.5, None, "2,5"),
    (1234.5678, 2, "1.234,57"),
    (0.0005, None, "0,0005"),
    (-1500, None, "-1.500"),
    (999, None, "999"),
    (None, None, ""),
    (math.nan, None, ""),
    (pd.NA, None, ""),
])
def test_spanish_numbers(value, decimals, shown):
    assert spanish_number(value, decimals) == shown


@pytest.mark.parametrize(("value", "unit", "high", "shown"), [
    (30000000000, "USD", None, "30.000.000.000 USD"),
    (70, "%", None, "70 %"),
    (10, "%", 15, "10-15 %"),
    (410000, "t", math.nan, "410.000 t"),
    (15, None, None, "15"),
    (15, math.nan, None, "15"),
    (None, "USD", None, ""),
])
def test_figures_carry_their_unit_after_a_space(value, unit, high, shown):
    assert figure(value, unit, high) == shown


def test_euros_are_whole():
    assert euros(25917926829.27) == "25.917.926.829 €" and euros(None) == ""


def span(start, end, what="entity", kind="PER", detail=""):
    return {"start_char": start, "end_char": end, "what": what, "kind": kind, "detail": detail}


def test_the_body_is_escaped_and_its_spans_marked_in_order():
    body = "Putin <dijo> que Rusia invertirá 30.000 millones.\nSegundo párrafo."
    html = marked_body(body, [span(17, 22, kind="LOC", detail="Rusia"), span(0, 5, detail="Vladímir Putin"),
                              span(33, 49, what="figure", kind="money", detail="USD")])
    assert html.startswith('<p><mark style="background:#fde68a" title="PER: Vladímir Putin">Putin</mark> &lt;dijo&gt; que ')
    assert '<mark style="background:#bbf7d0" title="LOC: Rusia">Rusia</mark>' in html
    assert 'title="money: USD">30.000 millones.</mark>' in html
    assert html.endswith("</p><p>Segundo párrafo.</p>")


def test_overlapping_and_impossible_spans_are_left_out():
    body = "Banco Central de Chile"
    html = marked_body(body, [span(0, 22, kind="ORG"), span(17, 22, kind="LOC"), span(5, 3), span(20, 99)])
    assert html.count("<mark") == 1 and ">Banco Central de Chile</mark>" in html


def test_news_text_is_never_read_as_markdown_or_html():
    assert markdown_text("El *peso* cae_ <b>#1</b>") == "El \\*peso\\* cae\\_ \\<b\\>\\#1\\</b\\>"
    assert markdown_text("  dos\n\npárrafos ") == " dos párrafos " and markdown_text(None) == ""


def test_a_snippet_keeps_only_its_own_marks():
    assert marked_snippet("…la **tasa** <img src=x> de *interés*…") == "…la **tasa** \\<img src=x\\> de \\*interés\\*…"

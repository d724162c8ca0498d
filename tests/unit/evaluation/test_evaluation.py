"""Scoring figures against gold: matching rules and the counts behind P/R/F1."""

import json
from decimal import Decimal

import pytest

from warehouse.evaluation.figures import (GoldDocument, format_figure_report, match_figures,
                                          read_figures_gold, score_figures)
from warehouse.extraction.amounts import Amount


def figure(start, end, kind="money", value="1", unit="USD", qualifier=None, text="x"):
    return Amount(start=start, end=end, text=text, kind=kind, value=Decimal(value), unit=unit,
                  object=None, qualifier=qualifier)


def test_overlapping_same_kind_spans_match_one_to_one_largest_overlap_first():
    gold = [figure(0, 10), figure(12, 20)]
    predicted = [figure(3, 15), figure(14, 20), figure(0, 4, kind="percent", unit="%")]
    pairs = match_figures(gold, predicted)
    assert [(g.start, p.start) for g, p in pairs] == [(0, 3), (12, 14)]


def test_scores_count_misses_spurious_and_wrong_values():
    text = "casi 30.000 millones de dólares y el 70 % de 15 aviones"
    gold = GoldDocument("d", text, (
        figure(0, 31, value="30000000000", qualifier="approx"),
        figure(37, 41, kind="percent", value="70", unit="%"),
        figure(45, 55, kind="count", value="15", unit=None)))
    predicted = [figure(5, 31, value="30000000"),                 # matched, wrong value and qualifier
                 figure(34, 41, kind="percent", value="70", unit="%"),  # matched, right
                 figure(56, 57, kind="quantity", unit="t")]       # spurious; the count is missed
    report = score_figures([gold], extract=lambda _: predicted)
    assert (report.by_kind["money"].tp, report.by_kind["percent"].tp) == (1, 1)
    assert (report.by_kind["count"].fn, report.by_kind["quantity"].fp) == (1, 1)
    assert (report.overall.precision, report.overall.recall) == (2 / 3, 2 / 3)
    assert report.attribute_correct["value"] == 1 and report.fully_correct == 1
    assert report.exact_span.tp == 0
    assert sum(e.split(": ")[1].split()[0] in {"MISSED", "SPURIOUS", "WRONG"} for e in report.errors) == 3
    assert "overall" in format_figure_report(report)


def test_gold_file_spans_are_checked_against_the_text(tmp_path):
    path = tmp_path / "gold.jsonl"
    record = {"doc_id": "d", "text": "unos 70 %", "figures": [
        {"start": 0, "end": 9, "text": "unos 70 %", "kind": "percent", "value": "70", "value_high": None,
         "unit": "%", "object": None, "qualifier": "approx"}]}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [document] = read_figures_gold(path)
    assert document.figures[0].value == Decimal("70")
    record["figures"][0]["end"] = 8
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="is not 'unos 70 %'"):
        read_figures_gold(path)


def test_entity_scores_need_the_exact_span_and_label():
    from warehouse.evaluation.entities import GoldArticle, score_entities

    text = "Putin visitó Moscú con la ONU."
    gold = [GoldArticle("d", text, ((0, 5, "PER"), (13, 18, "LOC"), (26, 29, "ORG")))]
    predicted = [[(0, 5, "PER"), (13, 18, "ORG"), (22, 29, "ORG")]]   # right, wrong label, wrong span
    report = score_entities(gold, lambda texts: predicted, "test")
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 2, 2)
    assert (report.by_label["LOC"].fn, report.by_label["ORG"].fp) == (1, 2)
    assert (report.span_only.tp, report.span_only.fp, report.span_only.fn) == (2, 1, 1)
    assert any("MISSED LOC 'Moscú' (got ORG)" in e for e in report.errors)


def test_b_cubed_identity_scores():
    from warehouse.evaluation.identity import b_cubed

    gold = {1: "amlo", 2: "amlo", 3: "amlo", 4: "us"}
    assert b_cubed(gold, {1: "a", 2: "a", 3: "a", 4: "u"})[:3] == (1.0, 1.0, 1.0)
    precision, recall, f1, shared = b_cubed(gold, {1: "a", 2: "a", 3: "b", 4: "u", 99: "x"})
    assert shared == 4 and precision == 1.0 and abs(recall - (2/3 + 2/3 + 1/3 + 1) / 4) < 1e-9
    precision, _, _, _ = b_cubed(gold, {1: "a", 2: "a", 3: "a", 4: "a"})   # all merged
    assert abs(precision - (3 * 3/4 + 1/4) / 4) < 1e-9


def test_the_identity_gold_covers_forty_articles_and_points_at_gold_mentions():
    from warehouse.evaluation.entities import read_entities_gold
    from warehouse.evaluation.identity import read_identity_gold

    identity = read_identity_gold()
    docs = {doc for doc, _, _ in identity}
    assert len(docs) >= 40
    spans = {(a.doc_id, s, e) for a in read_entities_gold() for s, e, _ in a.entities}
    assert set(identity) <= spans

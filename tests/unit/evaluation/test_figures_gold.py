"""The figure extractor against the hand-annotated gold set (tests/data/figures_gold.jsonl).

Quality floors, not timings: the targets of the figures issue (F1 >= 0.95 for money and percent,
>= 0.90 for quantities and counts) and exact values on what is found."""

import pytest

from warehouse.evaluation.figures import FIGURES_GOLD, read_figures_gold, score_figures
from warehouse.paths import PROJECT_ROOT

HELDOUT = PROJECT_ROOT / "tests" / "data" / "figures_heldout.jsonl"


@pytest.fixture(scope="module")
def report():
    return score_figures(read_figures_gold(FIGURES_GOLD))


def test_the_gold_set_is_large_and_varied_enough(report):
    documents = read_figures_gold(FIGURES_GOLD)
    kinds = {f.kind for d in documents for f in d.figures}
    assert len(documents) >= 62 and sum(len(d.figures) for d in documents) >= 300
    assert kinds == {"money", "percent", "quantity", "count"}


@pytest.mark.parametrize("kind, floor", [("money", 0.95), ("percent", 0.95), ("quantity", 0.90), ("count", 0.90)])
def test_f1_per_kind_meets_its_target(report, kind, floor):
    assert report.by_kind[kind].f1 >= floor, report.by_kind[kind]


def test_matched_figures_have_the_right_value_unit_and_qualifier(report):
    matched = report.overall.tp
    assert report.attribute_correct["unit"] / matched >= 0.98
    assert report.attribute_correct["value"] / matched >= 0.98
    assert report.attribute_correct["qualifier"] / matched >= 0.98


def test_every_gold_figure_is_found_with_its_kind_value_unit_and_qualifier(report):
    # The figures issue's "done when": every annotated figure right, nothing invented. The
    # errors list names each miss, spurious figure or wrong attribute (object is scored, not
    # required: it is a reading aid, and the annotators' objects are free text).
    problems = [e for e in report.errors if "MISSED" in e or "SPURIOUS" in e
                or any(a in e.split(": gold")[0] for a in ("value", "unit", "qualifier"))]
    assert problems == []
    assert report.fully_correct == report.overall.tp == sum(c.tp + c.fn for c in report.by_kind.values())


def test_the_held_out_set_stays_above_the_targets():
    # Annotated after the rules were written and not used to write them (tests/data/README.md):
    # the check that the rules generalise. Floors, not equality: small kinds are noisy.
    held_out = score_figures(read_figures_gold(HELDOUT))
    assert held_out.overall.f1 >= 0.95, held_out.overall
    assert held_out.fully_correct / held_out.overall.tp >= 0.95

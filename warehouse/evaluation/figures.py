"""Scoring extraction against a hand-annotated gold set (`news-warehouse eval figures`).

Plain functions over plain data. A predicted figure matches a gold one when their spans overlap
and they have the same kind (one-to-one, largest overlap first): span boundaries are a
convention (`el 40 %` or `40 %`), the kind and the value are the facts. Exact-span scores are
reported too, and value, unit, qualifier and object are checked on the matched pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from warehouse.evaluation.scoring import Counts, read_gold_records
from warehouse.extraction.amounts import Amount, extract_amounts
from warehouse.paths import PROJECT_ROOT
from warehouse.reading.outlets import outlet_country

FIGURES_GOLD = PROJECT_ROOT / "tests" / "data" / "figures_gold.jsonl"
KINDS = ("money", "percent", "quantity", "count")


@dataclass(frozen=True)
class GoldDocument:
    doc_id: str
    text: str
    figures: tuple[Amount, ...]
    outlet: str | None = None     # the record's `source`: as in the warehouse, evidence for `$`


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def read_figures_gold(path: Path = FIGURES_GOLD) -> list[GoldDocument]:
    """The figure gold file: `{"doc_id", "text", "figures": [...]}` a line (tests/data/README.md)."""
    documents = []
    for _, record in read_gold_records(path, "figures"):
        figures = tuple(Amount(
            start=item["start"], end=item["end"], text=item["text"], kind=item["kind"],
            value=_decimal(item["value"]), unit=item.get("unit"), object=item.get("object"),
            qualifier=item.get("qualifier"), value_high=_decimal(item.get("value_high")))
            for item in record["figures"])
        documents.append(GoldDocument(record["doc_id"], record["text"], figures, record.get("source")))
    return documents


def _overlap(a: Amount, b: Amount) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_figures(gold: Iterable[Amount], predicted: Iterable[Amount]) -> list[tuple[Amount, Amount]]:
    """One-to-one pairs of same-kind figures with overlapping spans, largest overlap first."""
    candidates = sorted(
        ((_overlap(g, p), gi, pi, g, p) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)
         if g.kind == p.kind and _overlap(g, p) > 0),
        key=lambda c: (-c[0], c[1], c[2]))
    used_gold, used_predicted, pairs = set(), set(), []
    for _, gi, pi, g, p in candidates:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((g, p))
    return sorted(pairs, key=lambda pair: pair[0].start)


ATTRIBUTES = ("value", "unit", "qualifier", "object")


def _same(attribute: str, gold: Amount, predicted: Amount) -> bool:
    if attribute == "value":
        return gold.value == predicted.value and gold.value_high == predicted.value_high
    if attribute == "object":
        return (gold.object or "").casefold() == (predicted.object or "").casefold()
    return getattr(gold, attribute) == getattr(predicted, attribute)


@dataclass
class FigureReport:
    documents: int = 0
    by_kind: dict[str, Counts] = field(default_factory=lambda: {kind: Counts() for kind in KINDS})
    exact_span: Counts = field(default_factory=Counts)
    attribute_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    fully_correct: int = 0           # matched with value, unit and qualifier all right
    errors: list[str] = field(default_factory=list)

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.by_kind.values():
            total.tp, total.fp, total.fn = total.tp + counts.tp, total.fp + counts.fp, total.fn + counts.fn
        return total


def _describe(figure: Amount) -> str:
    value = f"{figure.value}" + (f"-{figure.value_high}" if figure.value_high is not None else "")
    return f"{figure.text!r} {figure.kind} {value} {figure.unit} q={figure.qualifier} obj={figure.object}"


def _extract_as_the_pipeline_does(document: GoldDocument) -> list[Amount]:
    return extract_amounts(document.text, country=outlet_country(document.outlet))


def score_figures(documents: Iterable[GoldDocument],
                  extract: Callable[[GoldDocument], list[Amount]] = _extract_as_the_pipeline_does) -> FigureReport:
    report = FigureReport()
    for document in documents:
        report.documents += 1
        predicted = extract(document)
        pairs = match_figures(document.figures, predicted)
        matched_gold = {id(g) for g, _ in pairs}
        matched_predicted = {id(p) for _, p in pairs}
        for gold, found in pairs:
            report.by_kind[gold.kind].tp += 1
            wrong = [a for a in ATTRIBUTES if not _same(a, gold, found)]
            for attribute in ATTRIBUTES:
                report.attribute_correct[attribute] += attribute not in wrong
            if not {"value", "unit", "qualifier"} & set(wrong):
                report.fully_correct += 1
            if wrong:
                report.errors.append(f"{document.doc_id}: WRONG {','.join(wrong)}: gold {_describe(gold)} "
                                     f"| got {_describe(found)}")
        for gold in document.figures:
            if id(gold) not in matched_gold:
                report.by_kind[gold.kind].fn += 1
                report.errors.append(f"{document.doc_id}: MISSED {_describe(gold)}")
        for found in predicted:
            if id(found) not in matched_predicted:
                report.by_kind.setdefault(found.kind, Counts()).fp += 1
                report.errors.append(f"{document.doc_id}: SPURIOUS {_describe(found)}")
        exact_gold = {(g.start, g.end, g.kind) for g in document.figures}
        exact_predicted = {(p.start, p.end, p.kind) for p in predicted}
        report.exact_span.tp += len(exact_gold & exact_predicted)
        report.exact_span.fp += len(exact_predicted - exact_gold)
        report.exact_span.fn += len(exact_gold - exact_predicted)
    return report


def format_figure_report(report: FigureReport) -> str:
    rows = [("kind", "gold", "found", "P", "R", "F1")]
    for kind, counts in [*report.by_kind.items(), ("overall", report.overall)]:
        rows.append((kind, str(counts.tp + counts.fn), str(counts.tp + counts.fp),
                     f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [f"figures: {report.documents} documents (match: overlapping span, same kind)"]
    lines += ["  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                        for i, (cell, width) in enumerate(zip(row, widths))) for row in rows]
    exact = report.exact_span
    lines.append(f"exact span + kind: P {exact.precision:.3f}  R {exact.recall:.3f}  F1 {exact.f1:.3f}")
    matched = report.overall.tp
    if matched:
        accuracy = "  ".join(f"{a} {report.attribute_correct[a] / matched:.3f}" for a in ATTRIBUTES)
        lines.append(f"on {matched} matched figures: {accuracy}  "
                     f"(value+unit+qualifier {report.fully_correct / matched:.3f})")
    return "\n".join(lines)

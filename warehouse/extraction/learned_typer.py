"""The learned entity typer: a multinomial logistic regression over `span_features.py`, trained
on the train split of the entity gold (`make train`, `warehouse/training/entity_typer.py`) and
stored as a small JSON file in `models/`.

It runs last among our components (`news_learned_typer`), on the spans the model and the rules
found, and gives each its label, or drops it (`NONE`: `Noticia`, `GHz`, a lone `El`). Span
detection stays with the model and the rules, which are good at it; typing is where they were
weak (CoNLL-2002's roles: a country acting is ORG, as a place LOC).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from warehouse.extraction.canonical import entity_key
from warehouse.extraction.entity_rules import FIXED_LABELS, is_sentence_initial, sentence_end, sentence_start
from warehouse.extraction.span_features import LABELS, MentionContext, mention_features
from warehouse.extraction.token_table import TokenTable, token_table
from warehouse.paths import PROJECT_ROOT

MODEL_PATH = PROJECT_ROOT / "models" / "entity_typer.json"
# Where our component keeps the model's own labels, for the typer's `model=` feature.
MODEL_LABELS = "news_model_labels"


@dataclass(frozen=True)
class TyperModel:
    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]   # feature -> one weight per label

    def __post_init__(self) -> None:
        # The weights as one matrix for `best_labels`, a row per feature and a last row of zeros
        # for a mention with no known feature.
        index = {feature: row for row, feature in enumerate(self.weights)}
        matrix = np.zeros((len(index) + 1, len(self.labels)))
        if index:
            matrix[:-1] = list(self.weights.values())
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_matrix", matrix)

    def scores(self, features: list[str]) -> list[float]:
        rows = [row for row in map(self.weights.get, features) if row is not None]
        return [sum(column) for column in zip(*rows)] if rows else [0.0] * len(self.labels)

    def predict(self, features: list[str]) -> tuple[str, float]:
        """The best label and its probability."""
        totals = self.scores(features)
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        best = max(range(len(totals)), key=totals.__getitem__)
        return self.labels[best], exps[best] / sum(exps)

    def best_labels(self, mentions: list[list[str]]) -> list[str]:
        """The best label of each mention's features, as `predict` gives it: one matrix gather
        and sum per doc instead of a Python sum per mention (rows are added in feature order,
        as `scores` adds them, so the totals are the same floats)."""
        if not mentions:
            return []
        rows, starts, nothing = [], [], len(self._index)
        for features in mentions:
            starts.append(len(rows))
            found = [row for row in map(self._index.get, features) if row is not None]
            rows.extend(found or (nothing,))
        totals = np.add.reduceat(self._matrix[rows], starts, axis=0)
        return [self.labels[best] for best in totals.argmax(axis=1).tolist()]


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> TyperModel | None:
    """The trained model, or None when `models/` has none (the rules' labels stand)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["labels"]) != LABELS:
        raise ValueError(f"{path}: labels {data['labels']} are not {list(LABELS)}: run `make train`")
    return TyperModel(tuple(data["labels"]), {f: tuple(w) for f, w in data["weights"].items()})


@Language.component("news_model_labels")
def news_model_labels(doc: Doc) -> Doc:
    """Remember the model's own labels (first of our components) for the typer's features."""
    doc.user_data[MODEL_LABELS] = {(e.start, e.end): e.label_ for e in doc.ents}
    return doc


def _words(tokens: TokenTable, start: int, end: int) -> tuple[str, ...]:
    return tuple(tokens.text[i] for i in range(max(start, 0), min(end, len(tokens.text))) if not tokens.space[i])


def mention_contexts(doc: Doc, spans: list[Span]) -> list[MentionContext]:
    """The typer's view of each span: words, two words either side within the sentence, the
    model's and the rules' labels, and the label of a longer mention it ends."""
    model_labels = doc.user_data.get(MODEL_LABELS, {})
    tokens = token_table(doc)
    keys = [entity_key(tokens.span_text(span.start, span.end)) for span in spans]
    longer_label, first_label = {}, {}
    for span, key in zip(spans, keys):
        parts = key.split()
        for size in range(1, len(parts)):
            longer_label.setdefault(" ".join(parts[-size:]), span.label_)
        if len(parts) > 1:
            first_label.setdefault(parts[0], span.label_)
    contexts = []
    for span, key in zip(spans, keys):
        contexts.append(MentionContext(
            words=tuple(tokens.text[span.start:span.end]),
            before=_words(tokens, max(span.start - 2, sentence_start(doc, span.start)), span.start),
            after=_words(tokens, span.end, min(span.end + 2, sentence_end(doc, span.end - 1))),
            sentence_initial=is_sentence_initial(doc, span.start),
            model_label=model_labels.get((span.start, span.end)),
            rule_label=span.label_,
            longer_label=longer_label.get(key), first_of_label=first_label.get(key)))
    return contexts


@Language.component("news_learned_typer")
def news_learned_typer(doc: Doc) -> Doc:
    """Label every span with the trained model; drop those it calls NONE."""
    model = load_model()
    if model is None:
        return doc
    spans = list(doc.ents)
    tokens = token_table(doc)
    fixed = doc.user_data.get(FIXED_LABELS, {})
    kept = []
    starts = {span.start for span in spans}
    labels = model.best_labels([mention_features(context) for context in mention_contexts(doc, spans)])
    for span, label in zip(spans, labels):
        if (span.start, span.end) in fixed:
            kept.append(span)   # the rules are sure of these: datelines, results tables' country codes
            continue
        if tokens.text[span.start].startswith("#"):
            label = "MISC"   # hashtags
        if label != "NONE":
            end = with_year(doc, span.end) if label == "MISC" else span.end
            if any(start in starts for start in range(span.end, end)):
                end = span.end   # the year opens another span: leave both as they are
            kept.append(span if (label, end) == (span.label_, span.end) else Span(doc, span.start, end, label=label))
    doc.ents = kept
    return doc


_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


def with_year(doc: Doc, end: int) -> int:
    """An event's year is part of its name (`Mundial de Qatar 2022`, `Copa Mundial de 2018`,
    `Apertura *NUMBER*` where a corpus masks numbers): where the span ends."""
    text = token_table(doc).text
    if end + 1 < len(text) and text[end] == "de" and (_YEAR.match(text[end + 1]) or text[end + 1] == "*"):
        after = with_year(doc, end + 1)   # `Copa Mundial de 2018`, `Juegos Olímpicos de *NUMBER*`
        return after if after > end + 1 else end
    if end < len(text) and _YEAR.match(text[end]):
        return end + 1
    if end + 2 < len(text) and text[end] == "*" and text[end + 1] == "NUMBER" and text[end + 2] == "*":
        return end + 3
    if end + 1 < len(text) and text[end] == "*" and text[end + 1] == "NUMBER*":
        return end + 2
    return end

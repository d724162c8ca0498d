"""`make train`: fit the learned entity typer (`extraction/learned_typer.py`) on the entity
gold's train split and write `models/entity_typer.json` with its metrics beside it.

Examples are the spans the pipeline finds before the learned typer, on the train articles:
a span that is exactly a gold span takes the gold label, a span that touches no gold span is
`NONE` (not an entity), and a span that only overlaps one (a boundary error) is left out, since
no label would make it right. The model is a multinomial logistic regression with an L2
penalty, fitted by L-BFGS from zero weights: the same files give the same weights. The penalty
is chosen on the dev split; the test split is never read here.

    python -m warehouse.training.entity_typer [--gold PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from warehouse.evaluation.entities import ENTITIES_GOLD, GoldArticle, read_entities_gold
from warehouse.extraction.learned_typer import MODEL_PATH, TyperModel, mention_contexts, with_year
from warehouse.extraction.span_features import LABELS, mention_features
from warehouse.extraction.token_table import token_table

PENALTIES = (0.3, 1.0, 3.0, 10.0)   # L2 strengths tried on dev (per example: the loss is a mean)
MIN_FEATURE_COUNT = 2               # a feature seen once in training is noise, not evidence
SEED = 0                            # L-BFGS from zeros is deterministic; recorded for the record


Example = tuple[list[str], str]     # features, target label


def candidate_examples(articles: list[GoldArticle]) -> list[tuple[GoldArticle, list[tuple[int, int, int, list[str]]]]]:
    """Per article, the spans the pipeline finds before the learned typer: (start, end, end as
    an event with the year after it, features): the typer's MISC takes that year (`with_year`)."""
    from warehouse.extraction.pipeline import load_pipeline

    nlp = load_pipeline()
    result = []
    with nlp.select_pipes(disable=["news_learned_typer"]):
        for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
            spans = list(doc.ents)
            tokens = token_table(doc)
            lasts = [with_year(doc, s.end) - 1 for s in spans]   # the event's last token
            event_ends = [tokens.idx[last] + len(tokens.text[last]) for last in lasts]
            rows = [(s.start_char, s.end_char, event_end, mention_features(c))
                    for s, event_end, c in zip(spans, event_ends, mention_contexts(doc, spans))]
            result.append((article, rows))
    return result


def labelled(candidates) -> list[Example]:
    """Training targets: the gold label of an exact span, MISC for a span that is a MISC once its
    year joins it (`Rusia` of `Rusia 2018`, `Apertura` of `Apertura 2019`), NONE away from every
    gold span."""
    examples = []
    for article, rows in candidates:
        gold = {(s, e): label for s, e, label in article.entities}
        for start, end, event_end, features in rows:
            if (start, end) in gold:
                examples.append((features, gold[(start, end)]))
            elif event_end > end and gold.get((start, event_end)) == "MISC":
                examples.append((features, "MISC"))
            elif not any(s < end and start < e for s, e in gold):
                examples.append((features, "NONE"))
    return examples


def fit(examples: list[Example], penalty: float) -> TyperModel:
    """Multinomial logistic regression, L2 `penalty`, by L-BFGS from zero weights."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    counts = Counter(f for features, _ in examples for f in set(features))
    names = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)
    index = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for r, (features, _) in enumerate(examples):
        for c in sorted({index[f] for f in features if f in index}):
            rows.append(r)
            cols.append(c)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(names)))
    y = np.zeros((len(examples), len(LABELS)))
    y[np.arange(len(examples)), [LABELS.index(label) for _, label in examples]] = 1.0
    n, k = x.shape[0], len(LABELS)

    def loss_and_gradient(flat):
        w = flat.reshape(len(names), k)
        scores = x @ w
        scores -= scores.max(axis=1, keepdims=True)
        probabilities = np.exp(scores)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(probabilities + 1e-12)) / n + penalty / 2 * np.sum(w * w) / n
        gradient = (x.T @ (probabilities - y)) / n + penalty * w / n
        return loss, gradient.ravel()

    result = minimize(loss_and_gradient, np.zeros(len(names) * k), jac=True, method="L-BFGS-B",
                      options={"maxiter": 500})
    w = result.x.reshape(len(names), k)
    weights = {f: tuple(round(float(v), 4) for v in w[i]) for f, i in index.items() if np.abs(w[i]).max() >= 1e-4}
    return TyperModel(LABELS, weights)


def typing_scores(model: TyperModel, candidates) -> dict[str, float]:
    """Exact span + label F1 of the candidates as the model labels them (NONE dropped), against
    every gold span of the articles (spans the pipeline never found count as misses)."""
    tp = fp = fn = 0
    for article, rows in candidates:
        gold = set(article.entities)
        found = set()
        for start, end, event_end, features in rows:
            label, _ = model.predict(features)
            if label != "NONE":
                found.add((start, event_end if label == "MISC" else end, label))
        tp, fp, fn = tp + len(gold & found), fp + len(found - gold), fn + len(gold - found)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def train(gold: Path = ENTITIES_GOLD, out: Path = MODEL_PATH, log=print) -> dict:
    """Fit, choose the penalty on dev, write the model and `<out>.metrics.json`; the metrics."""
    clock = time.perf_counter()
    train_articles = read_entities_gold(gold, splits=["train"])
    dev_articles = read_entities_gold(gold, splits=["dev"])
    log(f"train: {len(train_articles)} articles, dev: {len(dev_articles)} (the test split is not read)")
    train_candidates, dev_candidates = candidate_examples(train_articles), candidate_examples(dev_articles)
    examples = labelled(train_candidates)
    log(f"{len(examples)} training spans: {dict(sorted(Counter(label for _, label in examples).items()))}")
    tried = {}
    for penalty in PENALTIES:
        model = fit(examples, penalty)
        tried[penalty] = typing_scores(model, dev_candidates) if dev_articles else typing_scores(model, train_candidates)
        log(f"  penalty {penalty:>5}: dev F1 {tried[penalty]['f1']:.4f}")
    best = max(PENALTIES, key=lambda p: (tried[p]["f1"], -p))
    model = fit(examples, best)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"labels": list(model.labels), "weights": dict(sorted(model.weights.items()))},
                              ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    metrics = {
        "gold": gold.name, "train_articles": len(train_articles), "dev_articles": len(dev_articles),
        "training_spans": len(examples), "features": len(model.weights), "penalty": best, "seed": SEED,
        "dev_by_penalty": {str(p): s for p, s in tried.items()},
        "dev": tried[best],
    }   # no timing here: the same gold gives byte-identical files
    out.with_suffix(".metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    log(f"wrote {out} ({out.stat().st_size // 1024} KiB, {len(model.weights)} features), penalty {best}, "
        f"dev F1 {tried[best]['f1']:.4f}, in {time.perf_counter() - clock:.0f} s")
    return metrics


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=ENTITIES_GOLD)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    train(args.gold, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

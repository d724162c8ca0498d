"""Scoring place resolution against a hand-annotated place gold (`news-warehouse eval places`).

Each gold mention names one real place (a country, an ISO 3166-2 region, a GeoNames city or
continent) or none (`other`: a building, a river, a district; a city GeoNames' 15,000+ list does
not hold). The pipeline's mention overlapping it most is the prediction, as the warehouse stores it.
- A mention with a place in the data is *resolvable*: the share of those resolved, and of all
  gold mentions, is the coverage.
- A resolved mention is *right* when it is the gold place (same kind and id: the ISO code of a
  country or region, the GeoNames id of a city or continent); resolving a mention whose gold is
  none is wrong. Accuracy is right over all resolved.
Plain functions over plain data; the pipeline runs once over the gold texts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from warehouse.evaluation.scoring import read_gold_records
from warehouse.extraction.place_resolution import Place, Resolved
from warehouse.paths import PROJECT_ROOT
from warehouse.reading.outlets import outlet_country

PLACES_GOLD = PROJECT_ROOT / "tests" / "data" / "places_gold_6.jsonl"
KINDS = ("country", "region", "city", "continent", "other")


@dataclass(frozen=True)
class GoldPlace:
    start: int
    end: int
    text: str
    kind: str
    country_code: str | None
    region_code: str | None
    geonameid: int | None

    @property
    def resolvable(self) -> bool:
        """The gold names a place the data holds (not `other`, not a city or continent without an id)."""
        return self.kind in ("country", "region") or (self.kind in ("city", "continent") and self.geonameid is not None)


@dataclass(frozen=True)
class GoldPlaceArticle:
    doc_id: str
    text: str
    outlet: str | None
    places: tuple[GoldPlace, ...]


def read_places_gold(path: Path = PLACES_GOLD) -> list[GoldPlaceArticle]:
    """`{"doc_id", "source", "text", "places": [...]}` a line (tests/data/README.md)."""
    return [GoldPlaceArticle(record["doc_id"], record["text"], record.get("source"), tuple(
        GoldPlace(p["start"], p["end"], p["text"], p["kind"], p.get("country_code"), p.get("region_code"),
                  p.get("geonameid")) for p in record["places"]))
        for _, record in read_gold_records(path, "places")]


def is_right(gold: GoldPlace, place: Place) -> bool:
    if gold.kind in ("country", "region") and place.kind != gold.kind:
        return False
    if gold.kind == "country":
        return place.country_code == gold.country_code
    if gold.kind == "region":
        return place.region_code == gold.region_code
    if gold.kind in ("city", "continent"):
        return place.kind == gold.kind and gold.geonameid is not None and place.geonameid == gold.geonameid
    return False


@dataclass
class PlaceReport:
    gold: int = 0
    resolvable: int = 0
    resolved: int = 0              # predictions with a place, over every gold mention
    right: int = 0
    resolved_resolvable: int = 0   # of the resolvable gold mentions, how many got a place
    per_kind: dict[str, Counter] = field(default_factory=dict)
    failures: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.resolved if self.resolved else 0.0

    @property
    def coverage(self) -> float:
        return self.resolved_resolvable / self.resolvable if self.resolvable else 0.0


def score_places(articles: list[GoldPlaceArticle], predictions: list[list[tuple[int, int, Resolved | None]]]
                 ) -> PlaceReport:
    """`predictions`: per article, (start, end, resolution) of each pipeline mention."""
    report = PlaceReport()
    for article, predicted in zip(articles, predictions, strict=True):
        for gold in article.places:
            report.gold += 1
            report.resolvable += gold.resolvable
            kind = report.per_kind.setdefault(gold.kind, Counter())
            kind["gold"] += 1
            overlapping = [(min(end, gold.end) - max(start, gold.start), resolved, article.text[start:end])
                           for start, end, resolved in predicted if start < gold.end and gold.start < end]
            _, resolved, written = max(overlapping, key=lambda item: item[0]) if overlapping else (0, None, None)
            place = resolved.place if resolved is not None else None
            if place is None:
                if gold.resolvable:
                    reason = "no entity mention" if not overlapping else (resolved.how if resolved else "not sought")
                    report.failures[f"unresolved: {_short(reason)}"] += 1
                    code = gold.region_code or gold.geonameid or gold.country_code
                    report.errors.append(f"UNRESOLVED {article.doc_id} {gold.text!r} ({gold.kind} {code}) "
                                         f"as {written!r}: {reason}")
                continue
            report.resolved += 1
            report.resolved_resolvable += gold.resolvable
            kind["resolved"] += 1
            if is_right(gold, place):
                report.right += 1
                kind["right"] += 1
            else:
                what = "wrong place" if gold.resolvable else f"resolved a {gold.kind} the data has no entry for"
                report.failures[f"{what}: {resolved.how}"] += 1
                report.errors.append(
                    f"WRONG {article.doc_id} {gold.text!r} ({gold.kind} {gold.country_code} "
                    f"{gold.region_code or gold.geonameid}) -> {place.kind} {place.name} {place.country_code} "
                    f"{place.region_code or place.geonameid} as {written!r}: {resolved.how}")
    return report


def _short(reason: str) -> str:
    return reason.split(":")[0] if reason.startswith("labelled") else (
        "places so named, no evidence for one" if "no evidence for one" in reason else reason)


def pipeline_predictions(articles: list[GoldPlaceArticle]) -> list[list[tuple[int, int, Resolved | None]]]:
    """The warehouse pipeline over the gold texts, each with its outlet's country."""
    from warehouse.extraction.extract import extract_texts

    countries = {a.doc_id: outlet_country(a.outlet) for a in articles}
    return [[(m.start, m.end, r) for m, r in zip(x.mentions, x.places, strict=True)]
            for x in extract_texts(((a.doc_id, a.text) for a in articles), countries=countries)]


def format_place_report(report: PlaceReport, top: int = 8) -> str:
    lines = [
        f"gold place mentions: {report.gold} ({report.resolvable} of places the data holds)",
        f"resolved right: {report.right} of {report.resolved} resolved = {report.accuracy:.1%} accuracy",
        f"resolved: {report.resolved_resolvable} of {report.resolvable} resolvable = {report.coverage:.1%}; "
        f"{report.resolved_resolvable / report.gold if report.gold else 0:.1%} of all gold mentions",
        "",
        f"{'kind':<10} {'gold':>5} {'resolved':>9} {'right':>6}",
    ]
    for kind in KINDS:
        counts = report.per_kind.get(kind)
        if counts:
            lines.append(f"{kind:<10} {counts['gold']:>5} {counts['resolved']:>9} {counts['right']:>6}")
    lines += ["", "most common failures:"]
    lines += [f"  {n:>3}  {reason}" for reason, n in report.failures.most_common(top)]
    return "\n".join(lines)

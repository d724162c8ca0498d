"""Evaluation: scoring the extractors against the hand-annotated gold sets in `tests/data/`
(`news-warehouse eval`): figures (`figures`), entities (`entities`), and what both share
(`scoring`)."""

"""Evaluation: scoring the extractors against the hand-annotated gold sets in `tests/data/`
(`news-warehouse eval`): figures (`figures`), entities (`entities`), entity identity B-cubed
(`identity`), and what both share (`scoring`)."""

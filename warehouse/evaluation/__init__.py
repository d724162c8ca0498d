"""Evaluation: scoring the extractors against the hand-annotated gold sets in `tests/data/`
(`news-warehouse eval`): figures (`figures`), entities (`entities`), places (`places`), entity
identity B-cubed (`identity`), and what they share (`scoring`)."""

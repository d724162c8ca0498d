"""news-warehouse: Spanish news wire -> entities and figures -> a DuckDB star schema.

This package is the plain-Python library; it never imports Prefect (the `flows` package does).
"""

__version__ = "0.1.0"

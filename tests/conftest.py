"""Shared fixtures: the sample articles, the real spaCy pipeline, real DuckDB files in temp dirs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from warehouse.paths import SAMPLE_INBOX
from warehouse.reading.articles import Article, parse_raw_text
from warehouse.storage import db

DATA = Path(__file__).parent / "data"

# Tests write inbox files and run at once: files are not left for the next run as "still being
# written" (tests of that behaviour pass settle_seconds themselves). Set here, before any test
# starts a flow or a CLI subprocess, so every one of them inherits it.
os.environ["NEWS_WAREHOUSE_SETTLE_SECONDS"] = "0"


@pytest.fixture(scope="session")
def sample_inbox() -> Path:
    return SAMPLE_INBOX


@pytest.fixture(scope="session")
def sample_articles() -> list[Article]:
    """The two reference articles, parsed: [titled EFE article, untitled rewrite]."""
    articles = []
    for path in sorted(SAMPLE_INBOX.glob("*.txt")):
        articles += parse_raw_text(path.read_text(encoding="utf-8"), path.name).articles
    return articles


@pytest.fixture(scope="session")
def nlp():
    from warehouse.extraction.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture
def engine(tmp_path):
    """A fresh, prepared warehouse file in a temp dir."""
    engine = db.connect(tmp_path / "test.duckdb")
    db.prepare(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def warehouse_held_by_another_process(tmp_path):
    """The path of a warehouse file that a second, live process has open read-write."""
    import subprocess
    import sys

    path = tmp_path / "held.duckdb"
    db.connect(path).dispose()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(120)"),
        str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        yield path
    finally:
        holder.kill()
        holder.wait()

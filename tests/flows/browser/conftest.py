"""The dashboard as a person uses it: `news-warehouse dashboard` on a warehouse loaded by the real
`news-warehouse run` (under the session's Prefect server, tests/flows/conftest.py), in Debian's
Chromium driven by Playwright.

Screenshots of each page go to a temp dir and, when NEWS_WAREHOUSE_SCREENSHOTS names a folder,
there too (`make screenshots`: the README's pictures in docs/)."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from browsing import Browser, Traffic, launch
from cli_process import cli
from dashboard_process import Dashboard

from warehouse.paths import SAMPLE_INBOX
from warehouse.storage import snapshots

DATA = Path(__file__).parents[2] / "data"


@dataclass
class Warehouse:
    db_path: Path
    inbox: Path

    def published_articles(self) -> int:
        """What the Overview should say: articles in the published snapshot."""
        connection = duckdb.connect(str(snapshots.snapshot_path(self.db_path)), read_only=True)
        try:
            return connection.execute("select count(*) from article_overview").fetchone()[0]
        finally:
            connection.close()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Warehouse:
    """The two sample articles and the 20 corpus records, loaded by `news-warehouse run`."""
    folder = tmp_path_factory.mktemp("dashboard")
    inbox = folder / "inbox"
    inbox.mkdir()
    for article in sorted(SAMPLE_INBOX.glob("*.txt")):
        shutil.copy(article, inbox)
    shutil.copy(DATA / "corpus_sample.jsonl", inbox)
    db_path = folder / "w.duckdb"
    result = cli("run", "--inbox", str(inbox), "--db", str(db_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "articles loaded 22, already present 0, rejected 0" in result.stdout, result.stdout
    return Warehouse(db_path, inbox)


@pytest.fixture(scope="module")
def dashboard(warehouse, tmp_path_factory):
    server = Dashboard(warehouse.db_path, tmp_path_factory.mktemp("dashboard-log") / "dashboard.log").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def browser(dashboard, tmp_path):
    """Chromium on a fresh profile, its traffic recorded from the first request on."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=20_000)
    with sync_playwright() as playwright:
        context = launch(playwright, tmp_path / "profile")
        try:
            context.set_default_timeout(30_000)
            traffic = Traffic(lambda: dashboard.url)
            traffic.watch(context)
            yield Browser(context, traffic)
        finally:
            context.close()
            dashboard.visited = True


@pytest.fixture(scope="module")
def screenshot_folders(tmp_path_factory) -> list[Path]:
    folders = [tmp_path_factory.mktemp("screenshots")]
    if os.environ.get("NEWS_WAREHOUSE_SCREENSHOTS"):
        folders.append(Path(os.environ["NEWS_WAREHOUSE_SCREENSHOTS"]).resolve())
    return folders

"""The dashboard in a real browser: every page draws from the published state without an error and
without reaching past the dashboard's own address, its links lead from page to page, and a run
made while a page is open shows on that page by itself."""

from __future__ import annotations

import json
import re
import subprocess
import threading
import time
from pathlib import Path

import pytest
from browsing import expect_chart, grid_cell, metric, no_exception, page_links, screenshot, settle
from cli_process import CLI, cli_environment
from dashboard_process import health
from playwright.sync_api import expect

pytestmark = pytest.mark.slow

DATA = Path(__file__).parents[2] / "data"

ARTICLE_URL = re.compile(r"/article\?id=[0-9a-f]{64}$")
ENTITY_URL = re.compile(r"/entities\?entity=[0-9a-f]+$")
STORY_URL = re.compile(r"/stories\?story=[0-9a-f]+$")


def spanish(number: int) -> str:
    """An integer as the dashboard writes it: `30.000`."""
    return f"{number:,}".replace(",", ".")


def drawn(page, name: str, folders) -> None:
    """The page is drawn, says no exception, and is saved as `<name>.png`."""
    settle(page)
    no_exception(page)
    screenshot(page, name, folders)


def assert_offline_and_quiet(browser, dashboard) -> None:
    """The browser reached nothing but the dashboard, and the dashboard logged no traceback."""
    foreign = browser.traffic.foreign()
    assert not foreign, f"the browser reached past {dashboard.url} (the dashboard must work offline): {foreign}"
    assert any(url.startswith(dashboard.url.replace("http", "ws", 1)) for url in browser.traffic.seen), \
        "no WebSocket to the dashboard was seen: the traffic was not recorded"
    assert "Traceback" not in dashboard.output(), dashboard.output()


PAGE_TITLES = ["Overview", "Entities", "Figures", "Map", "Stories", "Search", "Article"]


def test_a_link_opened_first_after_a_start_shows_its_page(dashboard, browser):
    """A bookmarked link is the first page a dashboard just (re)started serves: no visit to `/`
    has run the script that declares the pages yet."""
    if dashboard.visited:
        dashboard.restart()
    page = browser.page()
    page.goto(f"{dashboard.url}/figures")
    # The app's seven pages in the sidebar (an icon's name comes before each title), not one
    # per module of a `pages/` folder beside the script (Streamlit's older multipage convention).
    expect(page.get_by_test_id("stSidebarNavLink"),
           "the sidebar lists the files of a pages/ folder, not the app's pages").to_have_text(
        [re.compile(f"{title}$") for title in PAGE_TITLES])
    expect(page.get_by_role("heading", name="Figures")).to_be_visible()
    expect(grid_cell(page, "30.000.000.000 USD")).to_be_attached()
    settle(page)
    no_exception(page)
    assert_offline_and_quiet(browser, dashboard)


def test_every_page_in_a_real_browser(dashboard, browser, warehouse, screenshot_folders):
    page = browser.page()
    articles = warehouse.published_articles()

    page.goto(f"{dashboard.url}/")
    expect(metric(page, "Articles")).to_have_text(spanish(articles))
    expect(page.get_by_role("heading", name="Articles per day")).to_be_visible()
    expect_chart(page)
    drawn(page, "overview", screenshot_folders)

    # Accents and case ignored: `vladimir` finds `Vladímir`.
    page.goto(f"{dashboard.url}/entities")
    box = page.get_by_label("Name contains")
    box.fill("VLADIMIR putin")
    box.press("Enter")
    expect(page.get_by_text(re.compile(r"^1 entities shown"))).to_be_visible()
    expect(grid_cell(page, "Vladímir Putin")).to_be_attached()
    settle(page)
    no_exception(page)

    # `casi 30.000 millones de dólares`, written as the dashboard writes numbers.
    page.goto(f"{dashboard.url}/figures")
    expect(grid_cell(page, "casi 30.000 millones de dólares")).to_be_attached()
    expect(grid_cell(page, "30.000.000.000 USD")).to_be_attached()
    expect_chart(page)
    drawn(page, "figures", screenshot_folders)

    page.goto(f"{dashboard.url}/map")
    expect_chart(page, at_least=100)   # Natural Earth's countries, drawn offline
    expect(grid_cell(page, "Kazajistán")).to_be_attached()
    drawn(page, "map", screenshot_folders)

    page.goto(f"{dashboard.url}/search")
    box = page.get_by_label("Words")
    box.fill("Tokáyev Kremlin")
    box.press("Enter")
    results = page_links(page)
    expect(results.first).to_be_visible()
    expect(page.get_by_test_id("stMain").locator("strong", has_text="Tokáyev").first).to_be_visible()   # found, in bold
    drawn(page, "search", screenshot_folders)

    # Search -> Article -> an entity's link -> Entities -> an article's link -> Article -> its story.
    results.filter(has_text="Putin y Tokáyev celebran").first.click()
    expect(page).to_have_url(ARTICLE_URL)
    expect(page.get_by_role("heading", name="Putin y Tokáyev celebran una reunión informal")).to_be_visible()
    expect(page.get_by_role("heading", name="Entities")).to_be_visible()
    drawn(page, "article", screenshot_folders)

    page_links(page).filter(has_text="Vladímir Putin (PER").first.click()
    expect(page).to_have_url(ENTITY_URL)
    expect(page.get_by_role("heading", name="Vladímir Putin")).to_be_visible()
    expect(page.get_by_role("heading", name="Articles")).to_be_visible()
    its_articles = page_links(page)
    expect(its_articles).to_have_count(2)   # the EFE article and its untitled rewrite
    expect_chart(page)
    drawn(page, "entities", screenshot_folders)

    its_articles.filter(has_text="Putin y Tokáyev celebran").click()
    expect(page).to_have_url(ARTICLE_URL)
    expect(page.get_by_role("heading", name="Putin y Tokáyev celebran una reunión informal")).to_be_visible()
    settle(page)
    no_exception(page)

    page_links(page).filter(has_text="Its story: 2 articles").click()
    expect(page).to_have_url(STORY_URL)
    expect(page.get_by_role("heading", name="Its 2 articles")).to_be_visible()
    drawn(page, "stories", screenshot_folders)

    assert_offline_and_quiet(browser, dashboard)


def new_articles(count: int) -> list[dict]:
    """`count` corpus records rewritten into articles the warehouse does not have yet."""
    records = [json.loads(line) for line in (DATA / "corpus_sample.jsonl").read_text(encoding="utf-8").splitlines()]
    return [record | {"id": f"{record['id']}-segunda-edicion", "title": f"{record['title']} (segunda edición)",
                      "text": f"Actualización de la nota anterior.\n\n{record['text']}"} for record in records[:count]]


class HealthWatch(threading.Thread):
    """Asks `/_stcore/health` every 0.2 s while `process` runs; every answer (or error) kept."""

    def __init__(self, url: str, process: subprocess.Popen):
        super().__init__(daemon=True)
        self.url, self.process, self.answers = url, process, []

    def run(self) -> None:
        while self.process.poll() is None:
            try:
                self.answers.append(health(self.url))
            except OSError as error:
                self.answers.append(repr(error))
            time.sleep(0.2)


def test_a_run_shows_on_the_open_page_without_a_reload(dashboard, browser, warehouse, tmp_path):
    """`news-warehouse run` while the Overview is open: the dashboard keeps answering, and the
    open page shows the new count once the run publishes, by itself."""
    page = browser.page()
    before = warehouse.published_articles()
    page.goto(f"{dashboard.url}/")
    articles = metric(page, "Articles")
    expect(articles).to_have_text(spanish(before))
    settle(page)
    page.evaluate("() => { window.sameDocument = 'never reloaded' }")

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    added = new_articles(3)
    (inbox / "second_edition.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in added),
                                                encoding="utf-8")
    log = tmp_path / "run.log"
    with open(log, "w", encoding="utf-8") as output:
        run = subprocess.Popen(CLI + ["run", "--inbox", str(inbox), "--db", str(warehouse.db_path)],
                               stdout=output, stderr=subprocess.STDOUT, env=cli_environment())
    watch = HealthWatch(dashboard.url, run)
    watch.start()
    try:
        # While the run writes: a new visitor gets pages and queries answered, the open page
        # stays connected without an error.
        other = browser.new_page()
        other.goto(f"{dashboard.url}/entities")
        box = other.get_by_label("Name contains")
        box.fill("kazajistan")
        box.press("Enter")
        expect(grid_cell(other, "Kazajistán")).to_be_attached()
        deadline = time.monotonic() + 300
        while run.poll() is None and time.monotonic() < deadline:
            no_exception(page)
            no_exception(other)
            expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-connection-state", "CONNECTED")
            page.wait_for_timeout(250)
        assert run.poll() is not None, "the run did not end in 300 s"
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        watch.join(timeout=10)
    summary = log.read_text(encoding="utf-8")
    assert run.returncode == 0, summary
    assert f"articles loaded {len(added)}, already present 0, rejected 0" in summary, summary
    assert len(watch.answers) >= 3 and set(watch.answers) == {"ok"}, watch.answers

    # Published: the open page redraws itself (its watch looks every 5 s), no reload.
    expect(articles).to_have_text(spanish(before + len(added)), timeout=20_000)
    assert page.evaluate("() => window.sameDocument") == "never reloaded"
    settle(page)
    no_exception(page)
    assert health(dashboard.url) == "ok"
    assert_offline_and_quiet(browser, dashboard)

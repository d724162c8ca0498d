"""Debian's Chromium driven by Playwright, and what the tests look for on a Streamlit page.

Playwright never downloads a browser here: it launches `/usr/bin/chromium` (`make test` installs
Debian's package), with a fresh profile and Chromium's own background traffic (updates, sync,
QUIC probes) switched off, so every request that is made comes from the page itself."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Locator, Page, Request, WebSocket, expect

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 1000}
TALLEST_SCREENSHOT = 4000   # px: a long article or entity page is cut there
# Schemes that never leave the browser.
IN_BROWSER = {"data", "blob", "about", "chrome", "chrome-extension", "devtools"}


def launch(playwright, profile: Path) -> BrowserContext:
    """Chromium with a fresh profile; fails the test, never skips it, when it cannot start."""
    import pytest

    if not CHROMIUM.exists():
        pytest.fail(f"no browser at {CHROMIUM}: `make test` installs Debian's chromium (make browser)", pytrace=False)
    try:
        return playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=ARGS, viewport=VIEWPORT,
            locale="es-ES", timezone_id="UTC")
    except Exception as error:   # Playwright's Error: the message holds Chromium's own stderr
        pytest.fail(f"Chromium at {CHROMIUM} did not start: `make test` installs Debian's chromium "
                    f"(make browser).\n{error}", pytrace=False)


@dataclass
class Traffic:
    """Every request and WebSocket the browser opens; any to another address than the
    dashboard's own is refused (recorded, then aborted: the dashboard must work offline)."""

    own: Callable[[], str]   # the dashboard's address, http://127.0.0.1:PORT (asked each time: it may restart)
    seen: list[str] = field(default_factory=list)

    def is_own(self, url: str) -> bool:
        parts, mine = urlsplit(url), urlsplit(self.own())
        return parts.scheme in IN_BROWSER or (parts.scheme in ("http", "https", "ws", "wss")
                                               and parts.netloc == mine.netloc)

    def watch(self, context: BrowserContext) -> None:
        context.on("request", self._request)
        context.on("page", self.watch_page)
        for page in context.pages:
            self.watch_page(page)
        context.route(lambda url: not self.is_own(url), lambda route: route.abort("blockedbyclient"))

    def watch_page(self, page: Page) -> None:
        page.on("websocket", self._websocket)

    def _request(self, request: Request) -> None:
        self.seen.append(request.url)

    def _websocket(self, socket: WebSocket) -> None:
        self.seen.append(socket.url)

    def foreign(self) -> list[str]:
        return sorted({url for url in self.seen if not self.is_own(url)})


@dataclass
class Browser:
    context: BrowserContext
    traffic: Traffic

    def page(self) -> Page:
        """The profile's first tab (a persistent context opens one)."""
        return self.context.pages[0] if self.context.pages else self.context.new_page()

    def new_page(self) -> Page:
        return self.context.new_page()


def app(page: Page) -> Locator:
    return page.get_by_test_id("stApp")


def settle(page: Page, timeout: float = 30_000) -> None:
    """Connected to the server and no script run in progress (call it after waiting for what the
    page should show: right after a click the run may not have started yet)."""
    expect(app(page)).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=timeout)
    expect(app(page)).to_have_attribute("data-test-script-state", "notRunning", timeout=timeout)


def no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)


CHARTS = '[data-testid="stVegaLiteChart"], .vega-embed'
# The most data marks any chart of the page drew: SVG paths of its mark groups (not axes or
# legends), or the painted pixels of a canvas. Looked up anew on each try: Streamlit may replace
# a chart's element while vega-embed draws it.
_MARKS = """least => Math.max(0, ...Array.from(document.querySelectorAll('%s'), chart => {
  const svg = chart.querySelector('svg.marks');
  if (svg) return svg.querySelectorAll('g.role-mark > path').length;
  const canvas = chart.querySelector('canvas');
  if (!canvas || !canvas.width || !canvas.height) return 0;
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 0; i < pixels.length; i += 4 * 97)
    if (pixels[i + 3] && (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240)) painted++;
  return painted;
})) >= least""" % CHARTS


def expect_chart(page: Page, at_least: int = 1, timeout: float = 30_000) -> None:
    """A chart is visible and drew at least `at_least` marks."""
    expect(page.locator(CHARTS).first).to_be_visible(timeout=timeout)
    try:
        page.wait_for_function(_MARKS, arg=at_least, timeout=timeout)
    except Exception as error:
        drawn = page.evaluate("""selector => Array.from(document.querySelectorAll(selector),
            chart => Array.from(chart.querySelectorAll('g[class]'), g => g.getAttribute('class')).join(', '))""", CHARTS)
        raise AssertionError(f"no chart on {page.url} drew {at_least} marks in {timeout / 1000:.0f} s; "
                             f"the groups each chart drew: {drawn}") from error


def metric(page: Page, label: str) -> Locator:
    """The value shown under a `st.metric` label."""
    label_locator = page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    return page.get_by_test_id("stMetric").filter(has=label_locator).get_by_test_id("stMetricValue")


def grid_cell(page: Page, text: str) -> Locator:
    """A cell of a `st.dataframe` showing exactly `text`. The grid paints a canvas; the cells of
    its visible rows are also in the DOM, as the canvas's accessible table (not "visible")."""
    return page.locator('[data-testid="stDataFrame"] td[role="gridcell"]').filter(
        has_text=re.compile(rf"^{re.escape(text)}$")).first


def page_links(page: Page) -> Locator:
    """The `st.page_link`s in the page's main area (not the sidebar's navigation)."""
    return page.get_by_test_id("stMain").get_by_test_id("stPageLink-NavLink")


def screenshot(page: Page, name: str, folders: list[Path]) -> None:
    """The whole page as `<name>.png` in each folder. Streamlit scrolls its main area inside a
    viewport-high frame, so Playwright's full_page alone would stop at the viewport: the viewport
    is made as tall as the content for the shot."""
    tallest = """() => { const main = document.querySelector('[data-testid="stMain"]');
                        return Math.ceil(main ? main.scrollHeight : document.documentElement.scrollHeight); }"""
    height = VIEWPORT["height"]
    for _ in range(4):   # charts laid out again at the new size can change the height
        wanted = max(VIEWPORT["height"], min(page.evaluate(tallest), TALLEST_SCREENSHOT))
        if wanted == height:
            break
        height = wanted
        page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    first, *others = folders
    first.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=first / f"{name}.png", full_page=True)
    for folder in others:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(first / f"{name}.png", folder / f"{name}.png")
    page.set_viewport_size(VIEWPORT)

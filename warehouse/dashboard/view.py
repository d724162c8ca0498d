"""What every page shares: the reader, the published state a page is drawn from, query results
cached per state, the watch for a newer state, and links between pages."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pandas as pd
import streamlit as st

from warehouse.config import settings_from
from warehouse.dashboard.formatting import markdown_text
from warehouse.dashboard.source import NothingPublished, Reader, State, StateChanged

# How often an open page looks for a newly published state (a `stat`, or one catalog read).
WATCH_EVERY = timedelta(seconds=5)
PAGES: dict[str, st.Page] = {}


def reader() -> Reader:
    """One reader per warehouse for the process, shared by every browser session; the warehouse
    comes from NEWS_WAREHOUSE_DB (the `dashboard` command sets it from `--db`), as for every command."""
    return _reader_of(settings_from().db_path)


@st.cache_resource(show_spinner=False)
def _reader_of(db_path) -> Reader:
    return Reader(db_path)


def open_state() -> bool:
    """Choose the state this run of the page is drawn from, once per run, so every table on a
    page comes from the same publication; False when nothing is published (`say_nothing_published`)."""
    try:
        st.session_state.state = reader().state()
    except NothingPublished as error:
        st.session_state.pop("state", None)
        st.session_state.nothing_published = str(error)
        return False
    st.session_state.nothing_published = None
    return True


def say_nothing_published() -> None:
    st.warning(f"Nothing to show yet: {st.session_state.nothing_published}.")
    st.markdown("Load articles with `news-warehouse run` (or `make run`): this page shows them "
                "as soon as that run publishes its snapshot.")


def state() -> State:
    """The state of this run of the page (`open_state`)."""
    return st.session_state.state


@st.cache_data(max_entries=2000, show_spinner=False)
def _cached(token: tuple, name: str, parameters: tuple, _state: State) -> pd.DataFrame:
    # Keyed by the state's token: a new publication is a new key, an old one is never served.
    return reader().query(_state, name, **dict(parameters))


def table(name: str, **parameters) -> pd.DataFrame:
    """`sql/dashboard/<name>.sql` (or `sql/<folder>/<name>.sql` for a name with a slash) on this
    page's state, cached per state and parameters."""
    current = state()
    try:
        return _cached(current.token, name, tuple(sorted(parameters.items())), current)
    except StateChanged:
        st.rerun(scope="app")   # open_state picks the new state


@st.cache_data(max_entries=200, show_spinner=False)
def _chart_spec(token: tuple, key: tuple, _build) -> dict:
    return _build().to_dict()


def chart_spec(key: tuple, build) -> dict:
    """The Vega-Lite specification of the Altair chart `build()` makes, built once per state and
    `key` (what the chart is drawn from): the world map's, with its TopoJSON inline, took Altair
    0.8 s to build and validate on every run of a page (benchmarks/dashboard.py, profiled)."""
    return _chart_spec(state().token, key, build)


@st.fragment(run_every=WATCH_EVERY)
def watch_for_new_state() -> None:
    """Redraw the whole page when a run publishes a state other than the one shown (or the
    first one, after a page that had nothing to show). Drawn after `open_state`, so a full run
    of the page compares the state it just chose with itself: only the fragment's own reruns,
    every WATCH_EVERY, can find a newer one (else each redraw would ask for the next)."""
    shown = st.session_state.get("state")
    try:
        newest = reader().state()
    except NothingPublished:
        return
    if shown is None or newest.token != shown.token:
        st.rerun(scope="app")


def pick_a_row(frame: pd.DataFrame, name: str, *inputs, **dataframe_options) -> pd.Series | None:
    """`frame` as a table whose rows can be picked; the row picked, if any. The table's key holds
    the state and the `inputs` it was drawn from: Streamlit keeps a picked row by its position
    under the same key, so a filter or a publication that changed the rows would otherwise pick
    another row for the user (or one past the end: an IndexError, seen by the second reader)."""
    key = f"{name}-{hashlib.sha1(repr((state().token, inputs)).encode()).hexdigest()[:12]}"
    shown = dataframe_options.pop("columns", None)
    event = st.dataframe(frame if shown is None else frame[shown], hide_index=True, width="stretch",
                         on_select="rerun", selection_mode="single-row", key=key, **dataframe_options)
    rows = event.selection.rows
    return frame.iloc[rows[0]] if rows and rows[0] < len(frame) else None


def link_to_article(article_id: str, label: str) -> None:
    st.page_link(PAGES["article"], label=label, query_params={"id": article_id})


def article_label(published_date, outlet, title, extra: str = "") -> str:
    """`2025-11-11 · EFE · Putin y Tokáyev ...`: how every page names an article it links to."""
    day = f"{published_date:%Y-%m-%d}" if published_date is not None else "undated"
    return markdown_text(f"{day} · {outlet or 'no outlet'} · {title or '(no title)'}{extra}")


def link_to_article_row(row, extra: str = "") -> None:
    """A link to the article of a row with article_id, published_date, outlet and title."""
    link_to_article(row["article_id"], article_label(row["published_date"], row["outlet"], row["title"], extra))


def link_to_entity(entity_id: str, label: str) -> None:
    st.page_link(PAGES["entities"], label=label, query_params={"entity": entity_id})


def link_to_story(story_id: str, label: str) -> None:
    st.page_link(PAGES["stories"], label=label, query_params={"story": story_id})

"""The dashboard's Streamlit script (`news-warehouse dashboard` runs it): the pages, and the
published state they are drawn from, chosen once per run of the script."""

from __future__ import annotations

import streamlit as st

from warehouse.dashboard import view
from warehouse.dashboard.screens import article, entities, figures, overview, search, stories, world_map

# Name (its URL path), title, icon (Material Symbols, bundled with Streamlit: no font download), page.
PAGES = [
    ("overview", "Overview", "dashboard", overview.render),
    ("entities", "Entities", "group", entities.render),
    ("figures", "Figures", "payments", figures.render),
    ("map", "Map", "public", world_map.render),
    ("stories", "Stories", "library_books", stories.render),
    ("search", "Search", "search", search.render),
    ("article", "Article", "article", article.render),
]


def main(start: str = "overview") -> None:
    """Draw the page the URL asks for (`start` when it asks for none: page tests open each so)."""
    # An emoji favicon is drawn by the browser; without one, each page's Material icon becomes the
    # favicon, fetched from fonts.gstatic.com (seen by the browser test).
    st.set_page_config(page_title="news-warehouse", page_icon="📰", layout="wide")
    view.PAGES.update({name: st.Page(render, title=title, icon=f":material/{icon}:", url_path=name,
                                     default=name == start) for name, title, icon, render in PAGES})
    page = st.navigation(list(view.PAGES.values()))
    published = view.open_state()
    with st.sidebar:
        view.watch_for_new_state()
    if not published:
        view.say_nothing_published()
        return
    page.run()


if __name__ == "__main__":
    main()

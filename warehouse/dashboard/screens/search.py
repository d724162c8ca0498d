"""Search: full text over titles and bodies (any form of a word, accents ignored), best first,
one line per story, with the words found marked in a snippet."""

from __future__ import annotations

import streamlit as st

from warehouse.dashboard import view
from warehouse.dashboard.formatting import marked_snippet
from warehouse.dashboard.source import StateChanged
from warehouse.search import results


def render() -> None:
    st.title("Search")
    text = st.text_input("Words", key="search_text", placeholder="gasoducto ruso")
    every_copy = st.toggle("Every copy of a story", key="search_every_copy",
                           help="Off: one line per story, its best-matching article.")
    if not text.strip():
        return
    if not results.query_stems(text):
        st.warning("Nothing to search for: give a word that is not a function word (de, la, que ...).")
        return
    try:
        hits = _search(view.state().token, text, every_copy, view.state())
    except StateChanged:
        st.rerun(scope="app")   # published again meanwhile: the page starts over on the new state
    st.caption(f"{len(hits)} best matches" if hits else "No article matches.")
    for hit in hits:
        view.link_to_article(hit.article_id, view.article_label(hit.published_date, hit.outlet, hit.title))
        more = f" · {hit.story_matches} articles of its story match" if hit.story_matches > 1 and not every_copy else ""
        # The snippet is news text: only its `**word**` marks are Markdown, and no HTML is drawn.
        st.markdown(marked_snippet(hit.snippet))
        st.caption(f"score {hit.score}{more}")


@st.cache_data(max_entries=500, show_spinner=False)
def _search(token: tuple, text: str, every_copy: bool, _state) -> list[results.Hit]:
    # Keyed by the state's token, as view.table is; the state itself is not hashed.
    with view.reader().engine(_state) as engine:
        return results.search(engine, text, one_per_story=not every_copy, limit=30)

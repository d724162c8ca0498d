"""Stories: articles telling the same story (re-sends, updates, rewrites), with their articles and
their figures, each statement counted once."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from warehouse.dashboard import view
from warehouse.dashboard.formatting import euros, figure, markdown_text


def render() -> None:
    st.title("Stories")
    stories = view.table("story_list")
    if stories.empty:
        st.info("No story is told by more than one article yet.")
        return
    cut = " (the first 300)" if len(stories) == 300 else ""
    st.caption(f"{len(stories)} stories told by more than one article, largest first{cut}. Pick one.")
    picked = view.pick_a_row(stories, "story_rows", height=300, columns=[c for c in stories.columns if c != "story_id"])
    chosen = st.query_params.get("story")
    if picked is not None:
        chosen = picked["story_id"]
        st.query_params["story"] = chosen
    if chosen:
        story(chosen)


def story(story_id: str) -> None:
    articles = view.table("story_articles", story_id=story_id)
    if articles.empty:
        st.warning("That story is not in the published state.")
        return
    st.header(markdown_text(articles.iloc[0]["title"] or "(no title)"))
    st.subheader(f"Its {len(articles)} articles")
    for _, article in articles.iterrows():
        similarity = (f" · {article['story_similarity']:.0%} like the one it joined"
                      if pd.notna(article["story_similarity"]) else " · first of the story")
        view.link_to_article_row(article, similarity)
    st.subheader("Figures, each statement once")
    statements = view.table("story_statements", story_id=story_id)
    if statements.empty:
        st.info("No figure in this story.")
        return
    st.dataframe(statements.assign(
        figure=[figure(v, u, h) for v, u, h in zip(statements["value"], statements["unit"], statements["value_high"])],
        in_euros=[euros(v) for v in statements["value_eur"]])[
        ["text", "figure", "in_euros", "kind", "object", "published_date", "articles"]],
        hide_index=True, width="stretch", column_config={"articles": "articles carrying it"})

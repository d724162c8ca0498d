"""Article: title, date, outlet and body with its entities and figures marked, and its story."""

from __future__ import annotations

import streamlit as st

from warehouse.dashboard import view
from warehouse.dashboard.formatting import markdown_text
from warehouse.dashboard.highlight import legend, marked_body


def render() -> None:
    article_id = st.query_params.get("id", "")
    typed = st.text_input("Article id", value=article_id, key="article_id",
                          help="Every page links here; an id can be pasted too.").strip()
    if typed != article_id:
        st.query_params["id"] = article_id = typed
    if not article_id:
        st.info("Open an article from another page, or paste its id.")
        return
    found = view.table("article", article_id=article_id)
    if found.empty:
        st.warning("No article with that id in the published state.")
        return
    article = found.iloc[0]
    st.title(markdown_text(article["title"] or "(no title)"))
    day = f"{article['published_date']:%Y-%m-%d}" if article["published_date"] is not None else "undated"
    facts = [day, article["outlet"] or article["agency"] or "no outlet", article["dateline_place"], article["source_path"]]
    st.caption(markdown_text(" · ".join(str(f) for f in facts if f)))
    if article["url"]:
        st.link_button("Open the original", article["url"])
    if article["story_id"] is not None and article["story_articles"] > 1:
        view.link_to_story(article["story_id"], f"Its story: {article['story_articles']} articles, "
                                                f"first “{markdown_text(article['story_title'] or '(no title)')}”")
    spans = view.table("article_spans", article_id=article_id)
    st.html(f"<div style='font-size:0.8rem'>{legend()}</div>")
    st.html(f"<div style='line-height:1.7'>{marked_body(article['body'], spans.to_dict('records'))}</div>")
    # One line per entity, with the roles its mentions play here (`Rusia (LOC/ORG, 6×)`).
    entities = (spans[spans["what"] == "entity"].groupby(["entity_id", "detail"], as_index=False)
                .agg(mentions=("kind", "size"), roles=("kind", lambda kinds: "/".join(sorted(set(kinds))))))
    st.subheader("Entities")
    for _, entity in entities.sort_values(["mentions", "detail"], ascending=[False, True]).iterrows():
        view.link_to_entity(entity["entity_id"], markdown_text(f"{entity['detail']} ({entity['roles']}, {entity['mentions']}×)"))

"""Entities: find one by name (accents and case ignored), then its statements over time, who
appears with it, where it is if it is a place, and the articles with the words around each mention."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from warehouse.dashboard import charts, view
from warehouse.dashboard.formatting import markdown_text

SNIPPET_CONTEXT = 90   # characters either side of a mention
LABELS = {"": "every type", "PER": "people", "ORG": "organisations", "LOC": "places", "MISC": "other names"}
ONE = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "other name"}


def render() -> None:
    st.title("Entities")
    left, right = st.columns([3, 1])
    text = left.text_input("Name contains", key="entity_text", placeholder="putin, moscu, efe ...")
    label = right.selectbox("Type", list(LABELS), format_func=LABELS.get, key="entity_label")
    found = view.table("entity_search", text=text, label=label, entity_id="")
    chosen = st.query_params.get("entity")
    st.caption(f"{len(found)} entities shown, most mentioned first" + (" (the first 200)" if len(found) == 200 else "")
               + ". Pick a row to see the entity.")
    picked = view.pick_a_row(found, "entity_rows", text, label, height=280,
                             columns=[c for c in found.columns if c != "entity_id"])
    if picked is not None:
        chosen = picked["entity_id"]
        st.query_params["entity"] = chosen
    if not chosen:
        return
    entity = view.table("entity_search", text="", label="", entity_id=chosen)
    if entity.empty:
        st.warning("That entity is not in the published state (merged into another, or deleted).")
        return
    _entity(entity.iloc[0])


def _entity(entity: pd.Series) -> None:
    entity_id = entity["entity_id"]
    st.header(markdown_text(entity["name"]))
    st.caption(f"{ONE[entity['label']]} · "
               f"{entity['mention_count']} mentions in {entity['article_count']} articles · "
               f"rank {entity['rank_in_type']} among {LABELS[entity['label']]}")
    timeline = view.table("entity_timeline", entity_id=entity_id)
    left, right = st.columns([3, 2])
    with left:
        st.subheader("Statements per day")
        st.caption("Each paragraph naming it counted once, however many copies of the story carry it.")
        if timeline.empty:
            st.info("Its articles are undated, or not yet placed in stories.")
        else:
            st.altair_chart(charts.over_time(timeline, "published_date", "statements", "statements"), width="stretch")
    with right:
        st.subheader("Appears with")
        partners = view.table("entity_partners", entity_id=entity_id)
        if partners.empty:
            st.info("No other entity in its articles.")
        else:
            st.altair_chart(charts.ranked_bars(partners, "name", "articles_together", "articles together",
                                               colour="label"), width="stretch")
    places = view.table("entity_places", entity_id=entity_id)
    if not places.empty:
        st.subheader("On the map")
        # A country is shaded; a city or region is a point at its coordinates.
        countries = places[places["kind"] == "country"].rename(columns={"place": "country"})
        points = places[(places["kind"] != "country") & places["latitude"].notna()].rename(columns={"place": "city"})
        spec = view.chart_spec(("entity map", entity_id),
                               lambda: charts.world_map(countries, points, value="mentions", height=320))
        st.vega_lite_chart(spec=spec, width="stretch")
        st.dataframe(places, hide_index=True, width="stretch")
    st.subheader("Articles")
    st.caption("Newest first (at most 100), each with its first three mentions.")
    mentions = view.table("entity_mentions", entity_id=entity_id, context=SNIPPET_CONTEXT)
    for article_id, article in mentions.groupby("article_id", sort=False):
        view.link_to_article_row(article.iloc[0])
        for _, mention in article.iterrows():
            # The words around the mention, the cut words at either end left out.
            before, after = mention["before"] or "", mention["after"] or ""
            before = before.split(" ", 1)[-1] if len(before) == SNIPPET_CONTEXT else before
            after = after.rsplit(" ", 1)[0] if len(after) == SNIPPET_CONTEXT else after
            st.markdown(f"> …{markdown_text(before)}**{markdown_text(mention['text'])}**{markdown_text(after)}…")
        if (more := int(article["mentions_in_article"].iloc[0]) - len(article)) > 0:
            st.caption(f"and {more} more mentions in this article")

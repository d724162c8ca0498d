"""Overview: what the warehouse holds, articles per day and per outlet, the last runs, and the
inbox files that need a look."""

from __future__ import annotations

import streamlit as st

from warehouse.dashboard import charts, view
from warehouse.dashboard.formatting import spanish_number


def render() -> None:
    st.title("Overview")
    counts = view.table("overview_counts").iloc[0]
    columns = st.columns(5)
    for column, (label, key) in zip(columns, [("Articles", "articles"), ("Entities", "entities"),
                                              ("Mentions", "mentions"), ("Figures", "figures"),
                                              ("Stories of 2+ articles", "multi_article_stories")]):
        column.metric(label, spanish_number(int(counts[key])))
    if counts["published_at"] is not None:
        st.caption(f"Published state of {counts['published_at']:%Y-%m-%d %H:%M:%S} UTC; "
                   f"the page redraws itself when a run publishes a newer one.")

    st.subheader("Articles per day")
    by_day = view.table("articles_by_day")
    if by_day.empty:
        st.info("No dated article yet.")
    else:
        st.altair_chart(charts.over_time(by_day, "published_date", "articles", "articles", colour="outlet"),
                        width="stretch")

    st.subheader("Articles per outlet")
    st.dataframe(view.table("articles_by_outlet"), hide_index=True, width="stretch")

    st.subheader("Last runs")
    runs = view.table("last_runs")
    st.dataframe(runs, hide_index=True, width="stretch",
                 column_config={"started_at": st.column_config.DatetimeColumn("started (UTC)")})

    st.subheader("Files needing attention")
    files = view.table("queries/files_needing_attention")
    if files.empty:
        st.success("Every file in the inbox loaded cleanly.")
    else:
        st.dataframe(files, hide_index=True, width="stretch")

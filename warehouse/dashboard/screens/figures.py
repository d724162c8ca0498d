"""Figures: the money, percentages, quantities and counts reported, filtered by kind, unit, an
entity of their sentence and dates, each with its sentence and article; the money in euros; and
the entities with most money reported with them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from warehouse.dashboard import charts, view
from warehouse.dashboard.formatting import euros, figure, markdown_text, spanish_number

KINDS = {"": "every kind", "money": "money", "percent": "percent", "quantity": "quantity", "count": "count"}


def render() -> None:
    st.title("Figures")
    units = view.table("figure_units")
    one, two, three, four = st.columns([1, 1, 2, 2])
    kind = one.selectbox("Kind", list(KINDS), format_func=KINDS.get, key="figure_kind")
    offered = units if not kind else units[units["kind"] == kind]
    unit_choices = [""] + sorted({u for u in offered["unit"] if u})
    unit = two.selectbox("Currency or unit", unit_choices, format_func=lambda u: u or "any", key="figure_unit")
    entity = three.text_input("Entity in the sentence (its full name)", key="figure_entity",
                              placeholder="Rusia, Vladímir Putin ...")
    dates = four.date_input("Published between", value=(), key="figure_dates")
    since, until = (dates[0], dates[-1]) if dates else (None, None)
    rows = view.table("figures", kind=kind, unit=unit, entity=entity.strip(), since=since, until=until)
    _totals(rows)
    shown = rows.assign(
        figure=[figure(v, u, h) for v, u, h in zip(rows["value"], rows["unit"], rows["value_high"])],
        in_euros=[euros(v) for v in rows["value_eur"]])
    picked = view.pick_a_row(
        shown, "figure_rows", kind, unit, entity, since, until, height=420,
        columns=["published_date", "text", "figure", "in_euros", "kind", "object", "sentence", "title", "outlet"],
        column_config={"text": "as written", "sentence": st.column_config.TextColumn(width="large")})
    if picked is not None:
        row = picked
        st.markdown(f"**{markdown_text(row['text'])}** = {figure(row['value'], row['unit'], row['value_high'])}"
                    + (f" ≈ {euros(row['value_eur'])}" if pd.notna(row["value_eur"]) else ""))
        st.markdown(f"> {markdown_text(row['sentence'])}")
        if len(row["sentence_entities"]):
            st.caption("Entities of the sentence: " + markdown_text(", ".join(row["sentence_entities"])))
        view.link_to_article(row["article_id"], "Open the article: " + markdown_text(row["title"] or "(no title)"))

    st.subheader("Money reported with each entity")
    st.caption("In euros at the ECB rate of the article's day; each statement once per story, "
               "rates and conversions in parentheses left out.")
    money = view.table("money_by_entity", top=15)
    if money.empty:
        st.info("No money figure with an entity in its sentence yet.")
    else:
        st.altair_chart(charts.ranked_bars(money, "entity_name", "total_eur", "euros", colour="entity_label"),
                        width="stretch")


def _totals(rows: pd.DataFrame) -> None:
    matching = int(rows["matching"].iloc[0]) if not rows.empty else 0
    left, middle, right = st.columns(3)
    left.metric("Figures matching", spanish_number(matching))
    if rows.empty:
        return
    money, without = int(rows["matching_money"].iloc[0]), int(rows["matching_money_without_rate"].iloc[0])
    middle.metric("Of them money", spanish_number(money))
    right.metric("Money in euros, per article", euros(rows["matching_eur"].iloc[0]) or "—",
                 help="Every article's copy of a figure counts (a story re-sent twice, twice: the Stories page "
                      "and the story_money views count each statement once); rates and conversions in "
                      "parentheses left out; a range at its lower bound."
                 + (f" {without} money figures have no euro rate and are not in it." if without else ""))
    if matching > len(rows):
        st.caption(f"The newest {len(rows)} shown; narrow the filters to see the others.")

"""Map: countries shaded by the statements naming them (their cities and regions included) and
the cities named as points, drawn offline; pick a country or a city to list its articles."""

from __future__ import annotations

import streamlit as st

from warehouse.dashboard import charts, view


def render() -> None:
    st.title("Map")
    countries = view.table("map_countries")
    cities = view.table("map_cities")
    if countries.empty and cities.empty:
        st.info("No mention resolved to a place yet.")
        return
    st.caption("Countries by statements that name them or their cities and regions (a re-sent paragraph "
               "once); circles are cities, by mentions.")
    st.altair_chart(charts.world_map(countries, cities), width="stretch")
    left, right = st.columns(2)
    with left:
        st.subheader("Countries")
        picked_country = st.dataframe(countries, hide_index=True, width="stretch", height=300, on_select="rerun",
                                      selection_mode="single-row", key="map_country_rows")
    with right:
        st.subheader("Cities")
        picked_city = st.dataframe(cities.drop(columns=["place_id", "latitude", "longitude"]), hide_index=True,
                                   width="stretch", height=300, on_select="rerun", selection_mode="single-row",
                                   key="map_city_rows")
    country_code = place_id = ""
    if picked_city.selection.rows:
        city = cities.iloc[picked_city.selection.rows[0]]
        place_id, title = city["place_id"], f"Articles naming {city['city']}"
    elif picked_country.selection.rows:
        country = countries.iloc[picked_country.selection.rows[0]]
        country_code = country["country_code"]
        title = f"Articles naming {country['country'] or country_code} or its places"
    else:
        st.caption("Pick a country or a city to list its articles.")
        return
    st.subheader(title)
    for _, article in view.table("place_articles", country_code=country_code, place_id=place_id).iterrows():
        view.link_to_article_row(article, f" — {', '.join(article['places'])}")

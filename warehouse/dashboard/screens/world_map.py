"""Map: countries shaded by the statements naming them (their cities and regions included) and
the cities named as points, drawn offline; pick a country or a city to list its articles."""

from __future__ import annotations

import streamlit as st
from babel import Locale

from warehouse.dashboard import charts, view

SPANISH = Locale("es")


def render() -> None:
    st.title("Map")
    countries = view.table("map_countries")
    # A country named only through its cities has no row of its own in places: CLDR names it.
    countries["country"] = [name or SPANISH.territories.get(code) for name, code
                            in zip(countries["country"], countries["country_code"])]
    cities = view.table("map_cities")
    if countries.empty and cities.empty:
        st.info("No mention resolved to a place yet.")
        return
    st.caption("Countries by statements that name them or their cities and regions (a re-sent paragraph "
               "once); circles are cities, by mentions.")
    spec = view.chart_spec(("map",), lambda: charts.world_map(countries, cities, clickable=True))
    clicked = st.vega_lite_chart(spec=spec, width="stretch", on_select="rerun",
                                 key=f"world-{view.state().token}").selection
    left, right = st.columns(2)
    with left:
        st.subheader("Countries")
        picked_country = view.pick_a_row(countries, "map_country_rows", height=300)
    with right:
        st.subheader("Cities")
        picked_city = view.pick_a_row(cities, "map_city_rows", height=300,
                                      columns=[c for c in cities.columns if c not in ("place_id", "latitude", "longitude")])
    # A click on the map, else a row picked in a table.
    city_ids = [point["place_id"] for point in clicked.get("city", []) if "place_id" in point]
    country_codes = [point["country_code"] for point in clicked.get("country", []) if "country_code" in point]
    if not city_ids and picked_city is not None:
        city_ids = [picked_city["place_id"]]
    if not country_codes and picked_country is not None:
        country_codes = [picked_country["country_code"]]
    country_code = place_id = ""
    if city_ids:
        place_id = city_ids[0]
        title = f"Articles naming {cities.set_index('place_id').loc[place_id, 'city']}"
    elif country_codes:
        country_code = country_codes[0]
        name = countries.set_index("country_code")["country"].get(country_code)
        title = f"Articles naming {name or country_code} or its places"
    else:
        st.caption("Click a country or a city on the map, or pick one in a table, to list its articles.")
        return
    st.subheader(title)
    for _, article in view.table("place_articles", country_code=country_code, place_id=place_id).iterrows():
        view.link_to_article_row(article, f" — {', '.join(article['places'])}")

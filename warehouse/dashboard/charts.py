"""The dashboard's charts, as Altair specifications built from DataFrames (plain functions).

The world map is Natural Earth's 1:110m countries as TopoJSON (`seeds/maps/`, from the
`world-atlas` package), inlined into the chart: nothing is fetched from the internet, no tiles.
"""

from __future__ import annotations

import json
from functools import lru_cache

import altair as alt
import pandas as pd
import pycountry

from warehouse.paths import SEEDS_DIR

WORLD_TOPOJSON = SEEDS_DIR / "maps" / "countries-110m.json"

# Numbers on axes and in tooltips as a Spanish desk writes them (`200.000.000`): Streamlit's Vega
# takes no locale (usermeta.embedOptions.formatLocale is not passed on: tried), so a Vega
# expression swaps the separators of the English format.
SPANISH_NUMBER = "replace(replace(replace(format({}, ',~f'), /,/g, '_'), /[.]/g, ','), /_/g, '.')"


@lru_cache(maxsize=1)
def world() -> dict:
    return json.loads(WORLD_TOPOJSON.read_text(encoding="utf-8"))


def iso_numeric(country_code: str | None) -> str | None:
    """ISO 3166-1 alpha-2 -> the numeric code Natural Earth's shapes carry as their id (`RU` -> `643`)."""
    country = pycountry.countries.get(alpha_2=country_code) if country_code else None
    return country.numeric if country is not None else None


def over_time(frame: pd.DataFrame, x: str, y: str, title: str, colour: str | None = None) -> alt.Chart:
    """A bar per day (stacked by `colour` when given)."""
    # Days as numbers (`11/11`): Vega's own names of days and months would be English.
    encoding = {"x": alt.X(f"{x}:T", title=None, axis=alt.Axis(format="%d/%m/%y")),
                "y": alt.Y(f"{y}:Q", title=title, axis=alt.Axis(labelExpr=SPANISH_NUMBER.format("datum.value"), tickMinStep=1)),
                "tooltip": [alt.Tooltip(f"{x}:T", title="day", format="%Y-%m-%d"), alt.Tooltip(f"{y}:Q", title=title)]}
    if colour:
        encoding["color"] = alt.Color(f"{colour}:N", title=None, legend=alt.Legend(orient="bottom"))
        encoding["tooltip"].insert(1, alt.Tooltip(f"{colour}:N"))
    return alt.Chart(frame).mark_bar().encode(**encoding).properties(height=260)


def ranked_bars(frame: pd.DataFrame, label: str, value: str, title: str, colour: str | None = None) -> alt.Chart:
    """Horizontal bars, largest on top."""
    # A DECIMAL column arrives as Python Decimals, which Vega does not draw (a blank chart).
    frame = frame.assign(**{value: frame[value].astype(float)})
    encoding = {"y": alt.Y(f"{label}:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
                "x": alt.X(f"{value}:Q", title=title, axis=alt.Axis(labelExpr=SPANISH_NUMBER.format("datum.value"))),
                "tooltip": [alt.Tooltip(f"{label}:N"), alt.Tooltip("shown:N", title=title)]}
    if colour:
        encoding["color"] = alt.Color(f"{colour}:N", title=None)
    return (alt.Chart(frame).mark_bar().transform_calculate(shown=SPANISH_NUMBER.format(f"datum['{value}']"))
            .encode(**encoding).properties(height=max(120, 24 * len(frame))))


def world_map(countries: pd.DataFrame, cities: pd.DataFrame, *, value: str = "statements",
              height: int = 460, clickable: bool = False) -> alt.LayerChart:
    """Countries shaded by `value` (columns country_code, country, `value`) and cities as circles
    sized by mentions (columns city, country_code, latitude, longitude, mentions; and place_id
    when `clickable`: a click selects a country, `country`, or a city, `city`, by its id)."""
    shaded = countries.assign(id=countries["country_code"].map(iso_numeric)).dropna(subset=["id"])
    shapes = alt.Data(values=world(), format=alt.DataFormat(type="topojson", feature="countries"))
    land = alt.Chart(shapes).mark_geoshape(fill="#eef0f3", stroke="white", strokeWidth=0.5).project(type="equalEarth")
    named = (alt.Chart(shapes).mark_geoshape(stroke="white", strokeWidth=0.5)
             .transform_lookup(lookup="id", from_=alt.LookupData(shaded, "id", ["country", "country_code", value]))
             .transform_filter(f"isValid(datum.{value})")
             .encode(color=alt.Color(f"{value}:Q", title=value, scale=alt.Scale(scheme="blues", type="sqrt")),
                     tooltip=[alt.Tooltip("country:N"), alt.Tooltip("country_code:N"), alt.Tooltip(f"{value}:Q")])
             .project(type="equalEarth"))
    if clickable:
        named = named.add_params(alt.selection_point(name="country", fields=["country_code"]))
    layers = [land, named]
    if not cities.empty:
        layers.append(alt.Chart(cities).mark_circle(color="#c2410c", opacity=0.7, stroke="white", strokeWidth=0.5)
                      .encode(longitude="longitude:Q", latitude="latitude:Q",
                              size=alt.Size("mentions:Q", title="city mentions", scale=alt.Scale(range=[15, 600])),
                              tooltip=[alt.Tooltip("city:N"), alt.Tooltip("country_code:N"),
                                       alt.Tooltip("mentions:Q")])
                      .project(type="equalEarth"))
        if clickable:
            layers[-1] = layers[-1].add_params(alt.selection_point(name="city", fields=["place_id"]))
    return alt.layer(*layers).properties(height=height)

"""The news desk's dashboard: a Streamlit app over the warehouse's views (`news-warehouse dashboard`).

It reads the published state only (`source.py`), never the writer's file, so it answers during
runs; the pages' SQL is in `sql/dashboard/`, over the views of `sql/views/`.

- `launch`: the `dashboard` command: Streamlit on 127.0.0.1, offline, no usage statistics.
- `app`: the Streamlit script: the pages, and the published state each run of it draws from.
- `source`: the published state, reopened when a run publishes a new one; queries to DataFrames.
- `view`: what the pages share: the reader, results cached per state, the watch for a new state, links.
- `screens`: one module per page (overview, entities, figures, world_map, stories, search, article); not
  `pages/`, which Streamlit would take for an old-style multipage folder until `/` is first opened.
- `charts`: Altair charts, the world map among them (Natural Earth shapes shipped in `seeds/maps/`).
- `formatting`: numbers as a Spanish desk writes them (`30.000.000.000 USD`).
- `highlight`: an article body as HTML with its entities and figures marked.
"""

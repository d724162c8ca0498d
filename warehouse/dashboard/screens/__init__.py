"""One module per page of the dashboard, each a `render()` drawing it from `sql/dashboard/`.

- `overview`: counts, articles per day and per outlet, the last runs, files needing attention.
- `entities`: search by name; an entity's statements over time, companions, place, articles.
- `figures`: figures filtered by kind, unit, entity and dates; euros; money by entity.
- `world_map`: countries and cities named, on an offline map; their articles.
- `stories`: multi-article stories, their articles and their figures counted once.
- `search`: full-text search with the words found marked.
- `article`: one article with its entities and figures highlighted, and its story.
"""

"""Stories: which articles tell the same story, and which paragraphs repeat.

Wire services re-send a story (an update, a correction, another outlet's rewrite); analysts must
not count it twice. The plain-Python core, with no database and no Prefect:
- `settings`: `StorySettings`, how articles are sketched, found and judged, with the evidence;
- `sketches`: paragraph identities, MinHash sketches of an article, its lookup keys;
- `matching`: similarity and the story decision, `assign_stories`.
And `placement`: stories in the warehouse (a loaded batch placed page by page, candidates looked
up by key).
"""

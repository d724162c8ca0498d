"""Full-text search: which articles talk about X, ranked by BM25 over Spanish stems.

- `terms`: an article's title and body as stems and their counts (Snowball's Spanish stemmer),
  pure functions;
- `index`: the index tables kept up to date at the end of every run (`search_documents`,
  `search_postings`, `search_words`);
- `results`: a search with date and outlet filters, and the snippet that shows why an article
  matched.

The ranking itself is SQL, the `search_articles(text)` table macro (`sql/macros/`), so a dashboard
or any DuckDB client searches without this package, without an extension, and on any DuckDB
version that reads the file. Why not DuckDB's `fts` extension: see README, "Search".
"""

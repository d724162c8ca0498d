"""Keep the search index up to date: a run indexes each batch as it loads it (`index_articles`),
then every article the index still lacks, in chunks (`index_pending_articles`: a warehouse built
before search, a batch whose indexing failed). Each call or chunk is one transaction: a run killed
between them leaves whole articles indexed, the rest for next time."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa
from sqlalchemy.engine import Engine

from warehouse.search.terms import document_terms
from warehouse.storage.db import execute_file, execute_over_table

# Bounded memory: the corpus has about 170 postings an article; indexing 4,000 articles in chunks
# of 2,000 left a process 267 MB larger (kept by the allocators), in chunks of 500, 183 MB.
CHUNK_ARTICLES = 500


def index_articles(engine: Engine, article_ids: Sequence[str]) -> int:
    """Index those of these articles (a batch just loaded) the index lacks, read by id. Returns
    how many were indexed."""
    if not article_ids:
        return 0
    with engine.begin() as conn:
        return _index(conn, execute_file(conn, "search/articles_to_index_by_id.sql", (list(article_ids),)).fetchall())


def index_pending_articles(engine: Engine, chunk: int = CHUNK_ARTICLES) -> int:
    """Index the articles not yet indexed (all of them on a warehouse built before search).
    Returns how many were indexed."""
    indexed = 0
    while True:
        with engine.begin() as conn:
            pending = execute_file(conn, "search/articles_to_index.sql", (chunk,)).fetchall()
            if not pending:
                return indexed
            indexed += _index(conn, pending)


def _index(conn, articles) -> int:
    documents, postings, words = index_rows(articles)
    execute_over_table(conn, "new_documents", documents, "search/insert_documents.sql")
    execute_over_table(conn, "new_postings", postings, "search/insert_postings.sql")
    execute_over_table(conn, "new_words", words, "search/insert_words.sql")
    return len(articles)


def index_rows(articles) -> tuple[pa.Table, pa.Table, pa.Table]:
    """(article_id, title, body) rows -> the Arrow tables the index inserts."""
    document_ids, lengths = [], []
    stems_, posting_ids, frequencies = [], [], []
    seen: dict[str, str] = {}
    for article_id, title, body in articles:
        terms = document_terms(title, body)
        document_ids.append(article_id)
        lengths.append(terms.length)
        for stem, count in terms.counts.items():
            stems_.append(stem)
            posting_ids.append(article_id)
            frequencies.append(count)
        seen.update(terms.stems)
    return (
        pa.table({"article_id": pa.array(document_ids, pa.string()), "term_count": pa.array(lengths, pa.int32())}),
        pa.table({"stem": pa.array(stems_, pa.string()), "article_id": pa.array(posting_ids, pa.string()),
                  "term_frequency": pa.array(frequencies, pa.int32())}),
        pa.table({"word": pa.array(list(seen), pa.string()), "stem": pa.array(list(seen.values()), pa.string())}),
    )

-- Full-text search (warehouse/search/): an inverted index of every article's title and body over
-- Snowball Spanish stems, ranked by BM25 in the `search_articles(text)` macro. Filled at the end
-- of each run for the articles it lacks, so a warehouse built before this migration is indexed
-- whole by its next run. No keys: the index is written only by that step, which checks first.

-- One row per indexed article.
create table search_documents (
    article_id varchar not null,   -- articles.article_id
    term_count integer not null    -- its weighted number of indexed words (title words count twice)
);

-- One row per article and stem it contains.
create table search_postings (
    stem           varchar not null,  -- Snowball Spanish stem of a lowercase word: `gasoductos` -> `gasoduct`
    article_id     varchar not null,
    term_frequency integer not null   -- occurrences in the article (a title's count twice)
);

-- Every word the index has seen, folded, with its stem: how a query finds stems without a stemmer.
create table search_words (
    word varchar not null,  -- lowercase, accents stripped: `moscu`
    stem varchar not null
);

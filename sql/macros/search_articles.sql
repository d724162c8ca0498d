-- `search_articles('gas ruso')`: every article that contains a word of the query (any form of it:
-- `rusos`, `Rusa` and `ruso` share the stem `rus`), with its BM25 score (k1 = 1.2, b = 0.75;
-- Lucene's idf, never negative). Case and accents do not matter (`Moscu` finds `Moscú`), function
-- words are ignored. For dashboards and any DuckDB client: plain SQL, no extension.
--   select a.title, s.score
--   from search_articles('gasoducto ruso') s join articles a using (article_id)
--   order by s.score desc limit 10
-- Columns: article_id, score, words_matched (distinct query stems the article holds),
-- words_searched (distinct query stems the index knows; 0: no word of the query is in any article).
create or replace macro search_articles(search_text) as table
with asked as (
    select distinct strip_accents(lower(word)) as word
    from unnest(regexp_split_to_array(search_text, '[^\p{L}\p{N}]+')) as asked_words(word)
    where word <> ''
),
query_stems as (
    select distinct w.stem from asked join search_words w using (word)
),
corpus as (
    select count(*) as documents, avg(term_count) as mean_length from search_documents
),
frequencies as (
    select p.stem, count(*) as documents_with
    from search_postings p
    where p.stem in (select stem from query_stems)
    group by p.stem
)
select
    p.article_id,
    sum(
        ln(1 + (c.documents - f.documents_with + 0.5) / (f.documents_with + 0.5))
        * p.term_frequency * (1.2 + 1)
        / (p.term_frequency + 1.2 * (1 - 0.75 + 0.75 * d.term_count / c.mean_length))
    ) as score,
    count(*) as words_matched,
    (select count(*) from query_stems) as words_searched
from search_postings p
join frequencies f using (stem)
join search_documents d using (article_id)
cross join corpus c
group by p.article_id

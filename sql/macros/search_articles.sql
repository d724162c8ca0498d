-- `search_articles('gas ruso')`: every article that contains a word of the query (any form of it:
-- `rusos`, `Rusa` and `ruso` share the stem `rus`), with its BM25 score (k1 = 1.2, b = 0.75;
-- Lucene's idf, never negative). Case and accents do not matter (`Moscu` finds `Moscú`; `ñ` is a
-- letter of its own), function words of the query are dropped (`de`, also typed `dé`), and a
-- dotted abbreviation is one word (`EE.UU.` = `EEUU`). For dashboards and any DuckDB client:
-- plain SQL, no extension.
--   select a.title, s.score
--   from search_articles('gasoducto ruso') s join articles a using (article_id)
--   order by s.score desc limit 10
-- Columns: article_id, score, words_matched (the query's words the article holds, in any form),
-- words_searched (the query's words the index knows; 0: no word of the query is in any article).
create or replace macro search_articles(search_text) as table
with tokens as (
    -- `EE.UU.`, `S.A.`: letters and dots only, a dot after each group of one to three letters.
    select case when regexp_matches(token, '^(\p{L}{1,3}\.){2,}$') then replace(token, '.', '') else token end
        as token
    from unnest(regexp_split_to_array(search_text, '\s+')) as typed(token)
),
asked as (
    select distinct fold_search_word(word) as word
    from tokens, unnest(regexp_split_to_array(token, '[^\p{L}\p{N}]+')) as asked_words(word)
    where word <> ''
      and fold_search_word(word) not in (
          select fold_search_word(f.word) from ref_language_function_words f where f.language = 'es')
),
query_terms as (
    -- A folded word may stand for two stems (`papa`, `papá`): words are counted, stems scored.
    select distinct a.word, w.stem from asked a join search_words w using (word)
),
corpus as (
    select count(*) as documents, avg(term_count) as mean_length from search_documents
),
frequencies as (
    select p.stem, count(*) as documents_with
    from search_postings p
    where p.stem in (select stem from query_terms)
    group by p.stem
),
stem_scores as (
    select
        p.article_id,
        p.stem,
        ln(1 + (c.documents - f.documents_with + 0.5) / (f.documents_with + 0.5))
        * p.term_frequency * (1.2 + 1)
        / (p.term_frequency + 1.2 * (1 - 0.75 + 0.75 * d.term_count / c.mean_length)) as score
    from search_postings p
    join frequencies f using (stem)
    join search_documents d using (article_id)
    cross join corpus c
),
scores as (
    select article_id, sum(score) as score from stem_scores group by article_id
),
words_found as (
    select s.article_id, count(distinct q.word) as words_matched
    from stem_scores s join query_terms q using (stem)
    group by s.article_id
)
select
    article_id,
    score,
    words_matched,
    (select count(distinct word) from query_terms) as words_searched
from scores
join words_found using (article_id)

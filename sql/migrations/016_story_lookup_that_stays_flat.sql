-- Placing one article in its story must cost about the same in a warehouse of 100 articles as in
-- one of 10,000 (issue 7). Two things grew with the warehouse (benchmarks/story_cost.py):

-- 1. article_sketches.distinctive_paragraphs becomes one text (identities separated by spaces)
-- instead of a list. Measured here (DuckDB 1.5.6): committing one new row to a table with a
-- primary key and a VARCHAR[] column took 2.6 ms at 10,000 rows and 0.9 ms at 100; the same
-- table with that column as text, 0.46 and 0.40 ms. Rebuilt: a column cannot change type in
-- place beside a key.
create table article_sketches_text (
    article_id              varchar primary key,
    signature               blob not null,       -- uint32 little-endian, one per permutation
    shingle_count           integer not null,
    distinctive_paragraphs  varchar not null,    -- identities of its long paragraphs, space-separated
    story_settings          varchar not null     -- settings the sketch was made with
);
insert into article_sketches_text
select article_id, signature, shingle_count, array_to_string(distinctive_paragraphs, ' '), story_settings
from article_sketches;
drop table article_sketches;
alter table article_sketches_text rename to article_sketches;

-- 2. story_keys carries its article's publication date, so a lookup reads only the keys of
-- articles published near the new ones (sql/stories/candidates.sql): the key column was scanned
-- whole, 1.3 M rows at 10,000 articles. Rows in date order (undated first), as a stream appends them.
create table story_keys_dated (
    lookup_key      bigint not null,
    article_id      varchar not null,
    published_date  date                -- articles.published_date; null: compared with every date
);
insert into story_keys_dated
select k.lookup_key, k.article_id, a.published_date
from story_keys as k
join articles as a using (article_id)
order by a.published_date nulls first, k.article_id;
drop table story_keys;
alter table story_keys_dated rename to story_keys;

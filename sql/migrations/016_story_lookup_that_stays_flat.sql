-- Placing one article in its story must cost about the same in a warehouse of 100 articles as in
-- one of 10,000 (issue 7). What grew with the warehouse (benchmarks/story_cost.py):

-- 1. article_sketches and article_paragraphs without primary keys. Measured here (DuckDB 1.5.6,
-- the benchmark's warehouses), committing one new sketch row at 100 and at 10,000 rows: with the
-- primary key 0.41 and 0.87 ms, and with the long paragraphs as a list as well 0.89 and 2.60 ms;
-- with a plain (non-unique) index on article_id and the paragraphs as one text, 0.41 and 0.38 ms.
-- Each article's rows are written once, in the transaction that gives it its story (only articles
-- without one are placed); tests/integration/test_warehouse.py checks the keys stay unique.
-- Rebuilt (neither a key nor a column type can change in place) by copying the rows aside and
-- creating the table again under its own name, not by renaming a new one: measured here, an
-- index on a table renamed after its creation made every commit to it slow (1.36 ms against
-- 0.37 ms at 10,000 rows, the same table and index never renamed).
create temporary table article_sketches_before as select * from article_sketches;
drop table article_sketches;
create table article_sketches (
    article_id              varchar not null,    -- articles.article_id; one row per article
    signature               blob not null,       -- uint32 little-endian, one per permutation
    shingle_count           integer not null,
    distinctive_paragraphs  varchar not null,    -- identities of its long paragraphs, space-separated
    story_settings          varchar not null     -- settings the sketch was made with
);
insert into article_sketches
select article_id, signature, shingle_count, array_to_string(distinctive_paragraphs, ' '), story_settings
from article_sketches_before;
drop table article_sketches_before;
-- Candidates' sketches are read by id (sql/stories/candidate_sketches.sql): an index, not a key.
create index article_sketches_by_article on article_sketches (article_id);

create temporary table article_paragraphs_before as select * from article_paragraphs;
drop table article_paragraphs;
create table article_paragraphs (
    article_id          varchar not null,   -- articles.article_id
    paragraph_no        integer not null,   -- 0-based, in body order; unique per article
    start_char          integer not null,   -- body offsets, as mentions and amounts have
    end_char            integer not null,
    paragraph_identity  varchar not null    -- sha256 of the normalised text
);
insert into article_paragraphs
select * from article_paragraphs_before order by article_id, paragraph_no;
drop table article_paragraphs_before;

-- 2. story_keys carries its article's publication date, so a lookup reads only the keys of
-- articles published near the new ones (sql/stories/candidates.sql): the key column was scanned
-- whole, 1.3 M rows at 10,000 articles. Existing rows are copied in date order (undated first);
-- a stream appends new ones in about date order. Key rows of articles no longer stored are dropped.
create temporary table story_keys_before as select * from story_keys;
drop table story_keys;
create table story_keys (
    lookup_key      bigint not null,
    article_id      varchar not null,
    published_date  date                -- articles.published_date; null: compared with every date
);
insert into story_keys
select k.lookup_key, k.article_id, a.published_date
from story_keys_before as k
join articles as a using (article_id)
order by a.published_date nulls first, k.article_id;
drop table story_keys_before;

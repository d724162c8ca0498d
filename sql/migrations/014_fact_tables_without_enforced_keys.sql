-- Facts are loaded in bulk; their keys are kept by the loader and checked by data tests, not
-- enforced by DuckDB indexes. "Constraints have a strong impact on performance: they slow down
-- loading and updates" (duckdb.org/docs/1.5/sql/constraints). Measured here, 30,800 mention rows
-- in one statement: 126 ms with the primary key and both foreign keys, 49 ms with the key only.
-- What keeps them right instead:
--   * an article's mentions and amounts are inserted in the transaction that inserts the article,
--     and only for articles that statement actually inserted (sql/load/insert_*.sql), so a batch
--     loaded twice adds nothing and no fact points at a missing article;
--   * reprocessing deletes an article's facts before inserting the new ones, in one transaction;
--   * entity ids are inserted before the mentions that use them, in the same transaction;
--   * tests/integration/test_warehouse.py checks unique keys and resolved references.
-- NOT NULL and CHECK constraints stay: they cost little and catch a bad row at load time.

create table mentions_unindexed (
    article_id        varchar not null,         -- articles.article_id
    mention_no        integer not null,         -- 0-based, in text order; unique per article
    entity_id         varchar not null,         -- entities.entity_id
    start_char        integer not null,
    end_char          integer not null,
    text              varchar not null,         -- surface form as written (`Putin`)
    label             varchar not null check (label in ('PER', 'ORG', 'LOC', 'MISC')),
    sentence_no       integer not null,         -- 0-based sentence index in the body
    extractor_version varchar not null
);
insert into mentions_unindexed select * from mentions order by article_id, mention_no;
drop table mentions;
alter table mentions_unindexed rename to mentions;

create table amounts_unindexed (
    article_id        varchar not null,         -- articles.article_id
    amount_no         integer not null,         -- 0-based, in text order; unique per article
    start_char        integer not null,
    end_char          integer not null,
    text              varchar not null,         -- `casi 30.000 millones de dólares`
    kind              varchar not null check (kind in ('money', 'percent', 'quantity', 'count')),
    value             decimal(38, 6) not null,  -- exact, in the unit's main denomination
    value_high        decimal(38, 6),           -- upper bound of a range, else null
    unit              varchar,                  -- ISO-4217 code, '%', 'pp', unit symbol; null for counts
    object            varchar,                  -- what is counted or measured, when the text says it
    qualifier         varchar check (qualifier in ('approx', 'more_than', 'less_than', 'at_least', 'at_most', 'up_to')),
    unit_inferred     boolean not null default false,  -- unit resolved from context (a bare `$`)
    sentence_no       integer not null,
    extractor_version varchar not null
);
insert into amounts_unindexed select * from amounts order by article_id, amount_no;
drop table amounts;
alter table amounts_unindexed rename to amounts;

-- Deliveries keep their key (the same file bytes are one delivery: `insert or ignore`), not the
-- foreign key to articles (inserted in the same transaction as the article).
create table deliveries_unreferenced (
    article_id    varchar not null,             -- articles.article_id
    source_path   varchar not null,
    position      integer not null,
    content_hash  varchar not null,             -- sha256 of the file's bytes
    run_id        varchar not null,             -- the run that recorded it
    delivered_at  timestamptz not null default current_timestamp,
    primary key (article_id, source_path, position, content_hash)
);
insert into deliveries_unreferenced select * from deliveries;
drop table deliveries;
alter table deliveries_unreferenced rename to deliveries;

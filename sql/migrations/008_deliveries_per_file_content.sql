-- A delivery is an article at a position of a file with given bytes, not a run's reading of it:
-- a run killed half-way through a file and the run that reads the file again must record its
-- articles once, as an uninterrupted run does. A file rewritten with other bytes is a new delivery;
-- rewritten with the same bytes (touched, copied again) it is the same one.
create table deliveries_per_content (
    article_id    varchar not null references articles (article_id),
    source_path   varchar not null,
    position      integer not null,
    content_hash  varchar not null,             -- sha256 of the file's bytes ('' for deliveries before 008)
    run_id        varchar not null,             -- the run that recorded it
    delivered_at  timestamptz not null default current_timestamp,
    primary key (article_id, source_path, position, content_hash)
);
-- Before 008 a run's deliveries did not record the bytes: keep each run's as it was, told apart
-- by its run id (the file's present hash would be wrong for an earlier rewrite).
insert into deliveries_per_content
select article_id, source_path, position, 'run:' || run_id, run_id, delivered_at from deliveries;
drop table deliveries;
alter table deliveries_per_content rename to deliveries;

-- The same file bytes give the same rejected records: a re-read after a crash adds none.
alter table rejections add column content_hash varchar;

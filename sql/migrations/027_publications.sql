-- Every state published to readers: a DuckDB file's snapshot copied, or a DuckLake snapshot
-- committed as `published` (readers attach at the last one: warehouse/storage/lake.py).
create table publications (
    published_at  timestamp not null default current_timestamp,   -- UTC
    run_id        varchar             -- the run whose end it publishes; null for a deletion
);

-- Runs of more than one kind (ingest, reprocess), files left for the next run, and what a
-- reprocess run re-extracted. DuckDB cannot add a column with NOT NULL: defaults fill old rows.
alter table runs add column kind varchar default 'ingest';               -- ingest or reprocess
alter table runs add column files_pending integer default 0;            -- modified too recently: next run
alter table runs add column articles_reprocessed integer default 0;     -- re-extracted by a reprocess run

"""Storage: the DuckDB warehouse. Connections, migrations, seeds and views (`db`), the DuckLake
layout (`lake`: a SQL catalog and Parquet files, readers at the last published snapshot), bulk
loads and run bookkeeping (`load`), the per-story tables the story views read, kept up to date
by fingerprint (`derived`), the one-writer lock (`writer_lock`), what readers open and how
a state is published to them (`snapshots`), read-only reports for `query` and `status`
(`reports`), the formats they print or write (`output_formats`), Parquet exports of every relation
with a manifest (`export`), deleting retracted articles (`deletion`), compaction and snapshot
expiry (`maintenance`), rebuilding the file from its tables' DDL (`rebuild`, migration 023), and
the catalog that comments every table, view and column and writes the README's tables (`catalog`)."""

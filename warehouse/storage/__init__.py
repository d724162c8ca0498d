"""Storage: the DuckDB warehouse. Connections, migrations, seeds and views (`db`), bulk loads and
run bookkeeping (`load`), the one-writer lock (`writer_lock`), the readers' snapshot
(`snapshots`), read-only reports for `query` and `status` (`reports`), the formats they print or write
(`output_formats`), Parquet exports of every relation with a manifest (`export`), deleting retracted articles
(`deletion`), and rebuilding the file from its tables' DDL (`rebuild`, migration 023)."""

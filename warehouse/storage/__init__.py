"""Storage: the DuckDB warehouse. Connections, migrations, seeds and views (`db`), bulk loads and
run bookkeeping (`load`), the one-writer lock (`writer_lock`), the readers' snapshot
(`snapshots`), read-only reports for `query` and `status` (`reports`), the formats they print or write
(`output_formats`), and Parquet exports of every relation with a manifest (`export`)."""

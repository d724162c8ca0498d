"""Storage: the DuckDB warehouse. Connections, migrations, seeds and views (`db`), bulk loads and
run bookkeeping (`load`), the one-writer lock (`writer_lock`), the readers' snapshot
(`snapshots`), and read-only reports for `query` and `status` (`reports`)."""

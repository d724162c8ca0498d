-- Timestamps as UTC `TIMESTAMP`, not `TIMESTAMP WITH TIME ZONE`: every client reads them as they
-- are. A Python client on duckdb 2.0 could not read a TIMESTAMPTZ column without `pytz`
-- ("Required module 'pytz' failed to import"), so `article_overview` and `recent_runs` failed
-- there. The values do not change: they were all written in UTC (this DuckDB has no ICU, so its
-- time zone is UTC), and `at time zone 'UTC'` keeps the same instant as a UTC wall-clock time.
-- Defaults stay `current_timestamp`, stored in UTC the same way.
alter table articles alter loaded_at type timestamp using (loaded_at at time zone 'UTC');
alter table deliveries alter delivered_at type timestamp using (delivered_at at time zone 'UTC');
alter table rejections alter recorded_at type timestamp using (recorded_at at time zone 'UTC');
alter table runs alter started_at type timestamp using (started_at at time zone 'UTC');
alter table runs alter finished_at type timestamp using (finished_at at time zone 'UTC');
alter table schema_migrations alter applied_at type timestamp using (applied_at at time zone 'UTC');
alter table source_files alter modified_at type timestamp using (modified_at at time zone 'UTC');
alter table source_files alter first_seen_at type timestamp using (first_seen_at at time zone 'UTC');
alter table source_files alter last_seen_at type timestamp using (last_seen_at at time zone 'UTC');
alter table article_retractions alter retracted_at type timestamp using (retracted_at at time zone 'UTC');

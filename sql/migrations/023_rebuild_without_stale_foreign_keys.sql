-- Done in Python, not SQL: every table is created again from its DDL text in a new file and the
-- rows copied (warehouse/storage/rebuild.py), so that DuckDB's stale foreign-key entry left by the
-- renames of migrations 004 and 008 no longer blocks deleting an article (duckdb/duckdb#24648).
-- `db.migrate` runs the rebuild for this version and records it here like any other migration.
select 'rebuilt from DDL' as migration_023;

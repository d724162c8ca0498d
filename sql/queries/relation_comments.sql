-- The comment each table and view has now (catalog.py writes only those that differ).
select 'table' as kind, table_name, comment from duckdb_tables()
where database_name = current_database() and schema_name = 'main'
union all
select 'view', view_name, comment from duckdb_views()
where database_name = current_database() and schema_name = 'main' and not internal

-- Every column of every table of the open database, in order: the schema a DuckLake is given.
select c.table_name, c.column_name, c.data_type, not c.is_nullable, c.column_default
from duckdb_columns() as c
join duckdb_tables() as t using (database_name, schema_name, table_name)
where c.database_name = current_database() and c.schema_name = 'main'
order by c.table_name, c.column_index

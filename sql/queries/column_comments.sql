-- The comment each column of a table or view has now.
select case when v.view_name is null then 'table' else 'view' end as kind, c.table_name, c.column_name, c.comment
from duckdb_columns() c
left join duckdb_views() v
    on v.database_name = c.database_name and v.schema_name = c.schema_name and v.view_name = c.table_name
where c.database_name = current_database() and c.schema_name = 'main'

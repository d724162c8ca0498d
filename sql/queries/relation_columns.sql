-- The columns of one relation with their types and comments, in order.
select column_name, data_type, comment
from duckdb_columns()
where schema_name = 'main' and table_name = ?
order by column_index

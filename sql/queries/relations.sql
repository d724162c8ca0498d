-- Every table and view of the warehouse, tables first, each in name order (`news-warehouse export`).
select table_name, case table_type when 'VIEW' then 'view' else 'table' end as kind
from information_schema.tables
where table_schema = 'main'
order by kind, table_name

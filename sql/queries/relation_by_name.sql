-- The table or view a user named (`news-warehouse query article_overview`), as the catalog spells
-- it: the name the user typed is bound here, never written into SQL.
select table_name
from information_schema.tables
where table_schema = 'main'
  and lower(table_name) = lower(?)

-- Whether the file holds a warehouse: migrations have been recorded in it.
select count(*) > 0 from information_schema.tables where table_name = 'schema_migrations'

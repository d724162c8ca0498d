insert into schema_migrations (version, name) values (?, ?)

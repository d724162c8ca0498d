-- Which files of sql/migrations/ have been applied; created before any of them runs.
create table if not exists schema_migrations (
    version     integer primary key,
    name        varchar not null,
    applied_at  timestamp not null default current_timestamp   -- UTC (migration 025)
);

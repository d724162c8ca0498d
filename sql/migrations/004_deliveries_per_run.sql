-- A file delivered again (rewritten in place, same article at the same position) is a new
-- delivery: the key gains run_id. A retried load within one run still inserts nothing twice.
create table deliveries_per_run (
    article_id    varchar not null references articles (article_id),
    source_path   varchar not null,
    position      integer not null,
    run_id        varchar not null,
    delivered_at  timestamptz not null default current_timestamp,
    primary key (article_id, source_path, position, run_id)
);
insert into deliveries_per_run select article_id, source_path, position, run_id, delivered_at from deliveries;
drop table deliveries;
alter table deliveries_per_run rename to deliveries;

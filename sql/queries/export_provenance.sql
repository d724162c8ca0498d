-- What an export was taken from: the schema version and the last finished run.
select
    (select max(version) from schema_migrations) as schema_version,
    r.run_id, r.kind, r.finished_at, r.extractor_version
from (select 1) as one
left join (
    select run_id, kind, finished_at, extractor_version
    from runs where finished_at is not null
    order by finished_at desc limit 1
) as r on true

-- Files that loaded with something to know (decoded as Windows-1252, articles not in Spanish,
-- impossible dates) get their own status; the encoding a file was read with is kept; each
-- article records its detected language (an article not in Spanish is stored without facts).
-- DuckDB cannot change a CHECK constraint in place: source_files is rebuilt (nothing refers to it).
create table source_files_v2 (
    path             varchar primary key,       -- relative to the inbox
    content_hash     varchar,                   -- sha256 of the bytes; null when never read
    size_bytes       bigint not null,
    modified_at      timestamptz not null,
    status           varchar not null check (status in ('loaded', 'loaded_with_warnings', 'partially_loaded', 'rejected')),
    reason           varchar,                   -- one line: why rejected, or what to know about it
    articles_found   integer not null default 0,
    records_rejected integer not null default 0,
    first_seen_at    timestamptz not null,
    last_seen_at     timestamptz not null,
    run_id           varchar not null,          -- last run that read it
    encoding         varchar                    -- utf-8 or cp1252 (Windows-1252); null when never read
);
insert into source_files_v2
select path, content_hash, size_bytes, modified_at, status, reason, articles_found, records_rejected,
       first_seen_at, last_seen_at, run_id, case when content_hash is not null then 'utf-8' end
from source_files;
drop table source_files;
alter table source_files_v2 rename to source_files;

-- ISO 639-1 code detected from the body (warehouse/reading/language.py); null when too short to judge.
-- Articles stored before 011 were all extracted as Spanish.
alter table articles add column language varchar;

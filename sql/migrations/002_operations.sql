-- What each run did, and every file ever seen in the inbox with what became of it.

create table runs (
    run_id             varchar primary key,
    flow_run_id        varchar,                 -- Prefect flow run id, when run by Prefect
    inbox              varchar not null,
    started_at         timestamptz not null,
    finished_at        timestamptz,
    status             varchar not null check (status in ('running', 'completed', 'completed_with_warnings', 'failed')),
    files_seen         integer not null default 0,
    files_unchanged    integer not null default 0,  -- skipped: same path, size and mtime as read before
    files_rejected     integer not null default 0,
    articles_loaded    integer not null default 0,
    articles_present   integer not null default 0,  -- deliveries of articles already in the warehouse
    records_rejected   integer not null default 0,  -- articles or lines that could not be used
    entities_added     integer not null default 0,  -- canonical entities new to the warehouse
    mentions_loaded    integer not null default 0,
    amounts_loaded     integer not null default 0,
    extractor_version  varchar not null,
    message            varchar
);

create table source_files (
    path             varchar primary key,       -- relative to the inbox
    content_hash     varchar,                   -- sha256 of the bytes; null when never read
    size_bytes       bigint not null,
    modified_at      timestamptz not null,
    status           varchar not null check (status in ('loaded', 'partially_loaded', 'rejected')),
    reason           varchar,                   -- one line: why rejected, or what part was
    articles_found   integer not null default 0,
    records_rejected integer not null default 0,
    first_seen_at    timestamptz not null,
    last_seen_at     timestamptz not null,
    run_id           varchar not null           -- last run that read it
);

-- Records (articles, JSONL lines) that could not be used, with where they stand in their file.
create table rejections (
    run_id       varchar not null,
    source_path  varchar not null,
    line_no      integer,
    reason       varchar not null,
    recorded_at  timestamptz not null default current_timestamp
);

-- One row per path: the latest state of the file, keeping when it was first seen.
insert into source_files (
    path, content_hash, size_bytes, modified_at, status, reason, articles_found, records_rejected,
    first_seen_at, last_seen_at, run_id, encoding
)
select
    path, content_hash, size_bytes, modified_at, status, reason, articles_found, records_rejected,
    seen_at, seen_at, run_id, encoding
from batch_source_files
on conflict (path) do update set
    content_hash = excluded.content_hash,
    size_bytes = excluded.size_bytes,
    modified_at = excluded.modified_at,
    status = excluded.status,
    reason = excluded.reason,
    articles_found = excluded.articles_found,
    records_rejected = excluded.records_rejected,
    last_seen_at = excluded.last_seen_at,
    run_id = excluded.run_id,
    encoding = excluded.encoding

-- One row per path: the latest state of the file, keeping when it was first seen.
-- Written without `on conflict` (it needs an enforced key): the same SQL runs on the
-- DuckLake layout, which has none (README, "Layouts").
merge into source_files as f
-- A path twice in one batch is one file: one row of it (MERGE would insert both).
using (select * from batch_source_files qualify row_number() over (partition by path) = 1) as b
on f.path = b.path
when matched then update set
    content_hash = b.content_hash,
    size_bytes = b.size_bytes,
    modified_at = b.modified_at,
    status = b.status,
    reason = b.reason,
    articles_found = b.articles_found,
    records_rejected = b.records_rejected,
    last_seen_at = b.seen_at,
    run_id = b.run_id,
    encoding = b.encoding
when not matched then insert (
    path, content_hash, size_bytes, modified_at, status, reason, articles_found, records_rejected,
    first_seen_at, last_seen_at, run_id, encoding
) values (
    b.path, b.content_hash, b.size_bytes, b.modified_at, b.status, b.reason, b.articles_found,
    b.records_rejected, b.seen_at, b.seen_at, b.run_id, b.encoding
)

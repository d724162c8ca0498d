-- Files found with the bytes already loaded: only what the file system says changes.
update source_files as f
set
    size_bytes = u.size_bytes,
    modified_at = u.modified_at,
    last_seen_at = u.seen_at
from batch_unchanged_files as u
where f.path = u.path

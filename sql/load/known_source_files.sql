-- What the warehouse knows of each file, to skip files unchanged since they were loaded.
-- `modified_at` is stored as UTC (migration 025); compared with the file's time-zone-aware mtime.
select path, size_bytes, cast(modified_at as timestamptz) as modified_at, content_hash, status
from source_files

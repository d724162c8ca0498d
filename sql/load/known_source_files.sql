-- What the warehouse knows of each file, to skip files unchanged since they were loaded.
select path, size_bytes, modified_at, content_hash, status
from source_files

-- Inbox files that did not simply load, for `news-warehouse status`: rejected first, newest first.
select
    path,
    status,
    reason,
    last_seen_at
from source_files
where status <> 'loaded'
order by status = 'rejected' desc, last_seen_at desc, path
limit 20

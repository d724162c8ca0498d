-- The last runs, newest first, for `news-warehouse status`.
select
    started_at, kind, status, seconds, files_seen, files_unchanged, files_pending, files_rejected,
    articles_loaded, articles_present, articles_reprocessed, records_rejected, mentions_loaded,
    amounts_loaded, message
from recent_runs
limit 5

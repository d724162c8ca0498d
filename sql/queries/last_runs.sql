-- The last runs, newest first, for `news-warehouse status`.
select
    started_at, status, seconds, files_seen, files_unchanged, files_rejected,
    articles_loaded, articles_present, records_rejected, entities_added, mentions_loaded, amounts_loaded
from recent_runs
limit 5

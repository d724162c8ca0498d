-- The last runs with their status and counts, newest first.
select
    started_at,
    kind,
    status,
    seconds,
    files_seen,
    files_rejected,
    articles_loaded,
    articles_present,
    records_rejected,
    mentions_loaded,
    amounts_loaded,
    message
from recent_runs
limit 10

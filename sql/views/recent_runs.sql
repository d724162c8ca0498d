-- Flow runs (ingest and reprocess), newest first, with how long they took.
create or replace view recent_runs as
select
    run_id,
    flow_run_id,
    kind,
    status,
    started_at,
    finished_at,
    round(epoch(finished_at) - epoch(started_at), 1) as seconds,
    files_seen,
    files_unchanged,
    files_pending,
    files_rejected,
    articles_loaded,
    articles_present,
    articles_reprocessed,
    records_rejected,
    entities_added,
    mentions_loaded,
    amounts_loaded,
    extractor_version,
    message
from runs
order by started_at desc;

-- The counters of a run still going, after each committed batch: if the process is killed,
-- the run (closed later as interrupted) still shows what it had stored.
update runs
set
    files_seen = ?,
    files_unchanged = ?,
    files_pending = ?,
    files_rejected = ?,
    articles_loaded = ?,
    articles_present = ?,
    articles_reprocessed = ?,
    records_rejected = ?,
    entities_added = ?,
    mentions_loaded = ?,
    amounts_loaded = ?
where run_id = ?
  and status = 'running'

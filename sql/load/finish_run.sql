-- A run's end (its counters are written just before, by record_run_progress.sql).
update runs
set
    finished_at = ?,
    status = ?,
    message = ?
where run_id = ?

update runs
set
    finished_at = ?,
    status = ?,
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
    amounts_loaded = ?,
    message = ?
where run_id = ?

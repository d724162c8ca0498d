-- In the batch's own transaction: what it stored counts for its run even if the process dies
-- before the run records its end.
update runs
set
    articles_loaded = articles_loaded + ?,
    mentions_loaded = mentions_loaded + ?,
    amounts_loaded = amounts_loaded + ?
where run_id = ?

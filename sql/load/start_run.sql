insert into runs (run_id, flow_run_id, inbox, started_at, status, extractor_version, kind)
values (?, ?, ?, ?, 'running', ?, ?)

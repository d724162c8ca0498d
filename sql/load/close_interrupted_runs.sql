-- Called by a writer holding the writer lock: no other run can be going, so a run still marked
-- running was killed (SIGKILL, power loss) before it could record its end.
update runs
set
    status = 'failed',
    finished_at = ?,
    message = 'interrupted: the process ended before the run finished; the next run completed its work'
where status = 'running'

insert or replace into run_stages (run_id, stage, seconds)
select run_id, stage, seconds
from batch_run_stages

-- A run's seconds per stage; recording a stage again replaces its figure.
-- Written without `insert or replace` (it needs an enforced key): the same SQL runs on the
-- DuckLake layout, which has none (README, "Layouts").
merge into run_stages as s
using (select * from batch_run_stages qualify row_number() over (partition by run_id, stage) = 1) as b
on s.run_id = b.run_id and s.stage = b.stage
when matched then update set seconds = b.seconds
when not matched then insert (run_id, stage, seconds) values (b.run_id, b.stage, b.seconds)

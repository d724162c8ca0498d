insert into rejections (run_id, source_path, line_no, reason)
select run_id, source_path, line_no, reason
from batch_rejections

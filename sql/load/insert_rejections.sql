-- Once per file content and line: reading the same bytes again (after a crashed run) adds nothing.
insert into rejections (run_id, source_path, line_no, reason, content_hash)
select b.run_id, b.source_path, b.line_no, b.reason, b.content_hash
from batch_rejections as b
where not exists (
    select 1
    from rejections as r
    where r.source_path = b.source_path
      and r.content_hash is not distinct from b.content_hash
      and r.line_no is not distinct from b.line_no
      and r.reason = b.reason
)

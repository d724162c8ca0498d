-- Articles delivered by a file (`?`: its path as `source_files` has it), and whether another file
-- delivered them too.
select d.article_id,
       exists (select 1 from deliveries o where o.article_id = d.article_id and o.source_path <> d.source_path)
           as delivered_elsewhere
from deliveries d
where d.source_path = ?
group by d.article_id, d.source_path
order by d.article_id

-- A retracted article delivered again is not loaded, and its delivery is not recorded either: a
-- delivery row always points at a stored article.
-- Written without `insert or ignore` (it needs an enforced key): the same SQL runs on the
-- DuckLake layout, which has none (README, "Layouts").
insert into deliveries (article_id, source_path, position, content_hash, run_id)
select article_id, source_path, position, content_hash, run_id
from batch_deliveries as b
where not exists (select 1 from article_retractions as r where r.article_id = b.article_id)
  and not exists (select 1 from deliveries as d
                  where d.article_id = b.article_id and d.source_path = b.source_path
                    and d.position = b.position and d.content_hash = b.content_hash)
qualify row_number() over (partition by article_id, source_path, position, content_hash) = 1

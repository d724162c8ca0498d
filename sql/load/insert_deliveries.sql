insert or ignore into deliveries (article_id, source_path, position, content_hash, run_id)
select article_id, source_path, position, content_hash, run_id
from batch_deliveries b
-- A retracted article delivered again is not loaded, and its delivery is not recorded either: a
-- delivery row always points at a stored article.
where not exists (select 1 from article_retractions r where r.article_id = b.article_id)

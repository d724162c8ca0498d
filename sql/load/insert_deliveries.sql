insert or ignore into deliveries (article_id, source_path, position, content_hash, run_id)
select article_id, source_path, position, content_hash, run_id
from batch_deliveries

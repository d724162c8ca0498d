-- The articles just re-extracted now carry the version that extracted their facts, and the
-- dateline country that version resolved (a story's is shared again after: placement.py).
update articles
set extractor_version = ?,
    country_code = b.country_code,
    country_source = case when b.country_code is not null then 'dateline' end
from batch_article_ids as b
where articles.article_id = b.article_id

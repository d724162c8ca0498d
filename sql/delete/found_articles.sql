-- The staged ids that are articles of the warehouse, with what the retraction record keeps.
select a.article_id, a.title, a.source_path, a.published_date, a.story_id
from articles a
where a.article_id in (select article_id from batch_article_ids)
order by a.article_id

-- The other articles of the deleted articles' stories, and those that named one as closest: their
-- story is decided again (stories/placement.py) once the deleted ones are gone.
select a.article_id
from articles a
where a.article_id not in (select article_id from batch_article_ids)
  and (a.story_id in (select story_id from articles where article_id in (select article_id from batch_article_ids))
       or a.closest_article_id in (select article_id from batch_article_ids))

-- The rows of the `stories` view, one per story, computed for the stories in `scoped_articles`
-- (warehouse/storage/derived.py: every article on a rebuild, the articles of the stories whose
-- fingerprint changed on a refresh).
select
    a.story_id,
    count(*) as articles,
    min(a.published_date) as first_published,
    max(a.published_date) as last_published,
    any_value(a.title) filter (where a.article_id = a.story_id) as first_title,
    list(a.article_id order by a.loaded_at, a.source_path, a.source_position, a.article_id) as article_ids,
    list(a.title order by a.loaded_at, a.source_path, a.source_position, a.article_id) as titles
from scoped_articles as a
where a.story_id is not null
group by a.story_id

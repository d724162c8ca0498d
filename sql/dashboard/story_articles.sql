-- One story's articles in load order, with how close each was to the one it was matched with
-- (the outlet, else the agency: as every page names an article).
select
    a.article_id,
    o.published_date,
    o.title,
    coalesce(o.outlet, o.agency) as outlet,
    a.story_similarity
from articles a
join article_overview o using (article_id)
where a.story_id = $story_id
order by a.loaded_at, a.source_path, a.source_position, a.article_id

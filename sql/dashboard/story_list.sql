-- Stories told by more than one article (re-sends, updates, rewrites), largest and newest first.
select
    story_id,
    first_title,
    articles,
    first_published,
    last_published
from stories
where articles > 1
order by articles desc, last_published desc nulls last, story_id
limit 300

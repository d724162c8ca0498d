-- Each (entity, statement) once: a statement is a paragraph (normalised text) of a story, dated by
-- the earliest publication date among the story's articles that carry it, with how many of those
-- articles name the entity in it (story_entity_mentions_by_day counts these), for the stories of
-- `scoped_articles` (warehouse/storage/derived.py).
select
    m.entity_id,
    a.story_id,
    p.paragraph_identity,
    min(a.published_date) as published_date,
    count(distinct m.article_id) as articles
from mentions as m
join scoped_articles as a using (article_id)
join article_paragraphs as p on p.article_id = m.article_id and p.paragraph_no = m.paragraph_no
group by m.entity_id, a.story_id, p.paragraph_identity

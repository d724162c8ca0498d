-- How often each entity is mentioned per day, counting each statement once: a statement is a
-- paragraph (normalised text) of a story, dated by the earliest publication date among the
-- story's articles that carry it. A paragraph re-sent in an update or a rewrite is not counted
-- again (an edited one is: it is another paragraph); two mentions in one paragraph are one
-- statement. Per article: entity_mentions_by_day.
create or replace view story_entity_mentions_by_day as
with statements as (
    select
        m.entity_id,
        a.story_id,
        p.paragraph_identity,
        min(a.published_date) as published_date,
        count(distinct m.article_id) as articles
    from mentions as m
    join articles as a using (article_id)
    join article_paragraphs as p on p.article_id = m.article_id and p.paragraph_no = m.paragraph_no
    group by m.entity_id, a.story_id, p.paragraph_identity
)
select
    s.published_date,
    e.entity_id,
    e.name,
    e.label,
    count(*) as statements,
    count(distinct s.story_id) as stories,
    sum(s.articles) as article_paragraphs
from statements as s
join entities as e using (entity_id)
group by s.published_date, e.entity_id, e.name, e.label;

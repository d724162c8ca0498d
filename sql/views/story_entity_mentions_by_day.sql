-- How often each entity is mentioned per day, counting each statement once: a statement is a
-- paragraph (normalised text) of a story, dated by the earliest publication date among the
-- story's articles that carry it. A paragraph re-sent in an update or a rewrite is not counted
-- again (an edited one is: it is another paragraph); two mentions in one paragraph are one
-- statement. Per article: entity_mentions_by_day.
-- The statements are kept by each run for the stories it changed (table derived_story_entity_statements,
-- sql/derived/story_entity_statements.sql).
create or replace view story_entity_mentions_by_day as
select
    s.published_date,
    e.entity_id,
    e.name,
    e.label,
    count(*) as statements,
    count(distinct s.story_id) as stories,
    sum(s.articles) as article_paragraphs
from derived_story_entity_statements as s
join entities as e using (entity_id)
group by s.published_date, e.entity_id, e.name, e.label;

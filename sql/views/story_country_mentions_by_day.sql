-- How often each country is named per day, its cities and regions included (`Moscú` counts for
-- RU), each statement once: a statement is a paragraph (normalised text) of a story naming the
-- country, dated by the earliest publication date among the story's articles that carry it, as in
-- story_entity_mentions_by_day. A paragraph re-sent in an update is not counted again; a
-- paragraph naming Moscú and Rusia is one statement for RU. Continents are left out.
-- The statements are kept by each run for the stories it changed (table derived_story_country_statements,
-- sql/derived/story_country_statements.sql).
create or replace view story_country_mentions_by_day as
select
    s.published_date,
    s.country_code,
    c.name as country,
    count(*) as statements,
    count(distinct s.story_id) as stories,
    sum(s.articles) as article_paragraphs,
    sum(s.mentions) as mentions
from derived_story_country_statements as s
left join places as c on c.kind = 'country' and c.country_code = s.country_code
group by s.published_date, s.country_code, c.name;

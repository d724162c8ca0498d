-- How often each country is named per day, its cities and regions included (`Moscú` counts for
-- RU), each statement once: a statement is a paragraph (normalised text) of a story naming the
-- country, dated by the earliest publication date among the story's articles that carry it, as in
-- story_entity_mentions_by_day. A paragraph re-sent in an update is not counted again; a
-- paragraph naming Moscú and Rusia is one statement for RU. Continents are left out.
create or replace view story_country_mentions_by_day as
with statements as (
    select
        pl.country_code,
        a.story_id,
        ap.paragraph_identity,
        min(a.published_date) as published_date,
        count(*) as mentions,
        count(distinct m.article_id) as articles
    from mentions as m
    join places as pl using (place_id)
    join articles as a using (article_id)
    join article_paragraphs as ap on ap.article_id = m.article_id and ap.paragraph_no = m.paragraph_no
    where pl.country_code is not null
    group by pl.country_code, a.story_id, ap.paragraph_identity
)
select
    s.published_date,
    s.country_code,
    c.name as country,
    count(*) as statements,
    count(distinct s.story_id) as stories,
    sum(s.articles) as article_paragraphs,
    sum(s.mentions) as mentions
from statements as s
left join places as c on c.kind = 'country' and c.country_code = s.country_code
group by s.published_date, s.country_code, c.name;

-- How often each entity is mentioned per publication day (null day: articles without a date).
create or replace view entity_mentions_by_day as
with dated_mentions as (
    select m.entity_id, m.article_id, a.published_date
    from mentions as m
    join articles as a using (article_id)
)
select
    d.published_date,
    e.entity_id,
    e.name,
    e.label,
    count(*) as mentions,
    count(distinct d.article_id) as articles
from dated_mentions as d
join entities as e using (entity_id)
group by d.published_date, e.entity_id, e.name, e.label;

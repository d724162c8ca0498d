-- One row per article: what it is, where it came from, and how much was extracted from it.
create or replace view article_overview as
with mention_counts as (
    select article_id, count(*) as mentions, count(distinct entity_id) as entities
    from mentions
    group by article_id
),
amount_counts as (
    select article_id, count(*) as amounts
    from amounts
    group by article_id
),
delivery_counts as (
    select article_id, count(*) as deliveries
    from deliveries
    group by article_id
)
select
    a.article_id,
    a.published_date,
    a.title,
    a.dateline_place,
    a.agency,
    a.outlet,
    a.source_path,
    a.char_count,
    coalesce(m.mentions, 0) as mentions,
    coalesce(m.entities, 0) as entities,
    coalesce(n.amounts, 0) as amounts,
    coalesce(d.deliveries, 0) as deliveries,
    a.loaded_at
from articles as a
left join mention_counts as m using (article_id)
left join amount_counts as n using (article_id)
left join delivery_counts as d using (article_id);

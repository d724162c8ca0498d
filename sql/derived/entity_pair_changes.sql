-- What the changed articles (`changed_articles`) add to and take from each pair's count: their
-- pairs as the mentions have them now (+1 an article) and as they were last counted (-1).
with now_entities as (
    select distinct article_id, entity_id
    from mentions
    where article_id in (select article_id from changed_articles)
),
counted_entities as (
    select article_id, entity_id
    from derived_article_entities
    where article_id in (select article_id from changed_articles)
),
changes as (
    select a.entity_id as entity_a, b.entity_id as entity_b, 1 as change
    from now_entities as a
    join now_entities as b on a.article_id = b.article_id and a.entity_id < b.entity_id
    union all
    select a.entity_id, b.entity_id, -1
    from counted_entities as a
    join counted_entities as b on a.article_id = b.article_id and a.entity_id < b.entity_id
)
select entity_a, entity_b, sum(change) as change
from changes
group by entity_a, entity_b
having sum(change) <> 0

-- Pairs of entities mentioned in the same article (each pair once: entity_a < entity_b).
create or replace view entity_cooccurrence as
with article_entities as (
    select distinct article_id, entity_id
    from mentions
),
pairs as (
    select a.entity_id as entity_a, b.entity_id as entity_b, a.article_id
    from article_entities as a
    join article_entities as b
        on a.article_id = b.article_id and a.entity_id < b.entity_id
)
select
    p.entity_a,
    ea.name as name_a,
    ea.label as label_a,
    p.entity_b,
    eb.name as name_b,
    eb.label as label_b,
    count(*) as articles_together
from pairs as p
join entities as ea on ea.entity_id = p.entity_a
join entities as eb on eb.entity_id = p.entity_b
group by p.entity_a, ea.name, ea.label, p.entity_b, eb.name, eb.label;

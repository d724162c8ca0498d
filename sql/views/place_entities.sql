-- Each entity that names a place, with the place (`Moscú` -> Moscow, RU, 55.75 N 37.62 E), how its
-- mentions were resolved (the most common rule) and in how many: one row per entity and place,
-- so a name resolved to two places in different articles (`Mérida`, Spain and Mexico) has two,
-- each with its share of the entity's resolved mentions.
create or replace view place_entities as
-- The most common rule per entity and place; a tie goes to the first rule by name, not to
-- `mode`'s row order, so the answer does not depend on how the rows were stored.
with rules as (
    select entity_id, place_id, place_how, count(*) as mentions
    from mentions
    where place_id is not null
    group by entity_id, place_id, place_how
),
usual_rules as (
    select entity_id, place_id, first(place_how order by mentions desc, place_how nulls last) as how
    from rules
    group by entity_id, place_id
)
select
    e.entity_id,
    e.name as entity,
    e.label,
    p.place_id,
    p.kind,
    p.name as place,
    p.country_code,
    p.region_code,
    p.admin1_code,
    p.admin1_name,
    p.geonameid,
    p.latitude,
    p.longitude,
    count(*) as mentions,
    count(distinct m.article_id) as articles,
    any_value(r.how) as how,
    count(*) / sum(count(*)) over (partition by e.entity_id) as share
from mentions as m
join entities as e using (entity_id)
join places as p using (place_id)
join usual_rules as r using (entity_id, place_id)
group by e.entity_id, e.name, e.label, p.place_id, p.kind, p.name, p.country_code, p.region_code, p.admin1_code,
         p.admin1_name, p.geonameid, p.latitude, p.longitude;

-- A name written with and without its connectors is one entity (`Mundial de Rusia 2018` and
-- `Mundial Rusia 2018`, `Banco de México` and `Banco México`): organisations, places and other
-- names (not persons) of one label whose keys are the same once `de`, `del`, `de la`, `de los`
-- ... between two words are taken out join the spelling with the most mentions (of equal
-- counts, the smallest id). A leading article stays: `Los Ángeles` is not `Ángeles`.
-- A link in `entity_links` (after link_short_person_names.sql, which creates it;
-- apply_entity_links.sql moves the mentions, drop_orphan_entities.sql removes the empty entity).
insert into entity_links
with names as (
    select entity_id, label,
        regexp_replace(entity_key, ' (de|del)( (la|las|los|el))? ', ' ', 'g') as bare_key
    from entities
    where label <> 'PER' and entity_key like '% %'
),
spellings as (
    select n.entity_id, n.label, n.bare_key
    from names as n
    where exists (select 1 from names as other
                  where other.bare_key = n.bare_key and other.label = n.label and other.entity_id <> n.entity_id)
),
counted as (
    select s.entity_id, s.label, s.bare_key, count(m.entity_id) as mentions
    from spellings as s
    left join mentions as m on m.entity_id = s.entity_id
    group by s.entity_id, s.label, s.bare_key
),
ranked as (
    select entity_id, label, bare_key,
        first_value(entity_id) over (partition by label, bare_key order by mentions desc, entity_id) as main_id
    from counted
)
select entity_id as short_id, main_id as full_id
from ranked
where entity_id <> main_id and entity_id not in (select short_id from entity_links)

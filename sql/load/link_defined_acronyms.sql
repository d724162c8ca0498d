-- An acronym written alone (`FIFA`) in articles that never define it is the entity an article
-- defined it as (`Federación Internacional de Fútbol Asociación (FIFA)`: there the acronym's
-- mentions point at the full name's entity, warehouse/extraction/canonical.py), when the
-- warehouse holds exactly one such definition: a link in `entity_links` (after
-- link_short_person_names.sql, which creates it; apply_entity_links.sql moves the mentions and
-- drop_orphan_entities.sql removes the bare acronym's entity).
insert into entity_links
with definitions as (
    select distinct m.text, m.entity_id as full_id
    from mentions as m
    join entities as e using (entity_id)
    where upper(m.text) = m.text and length(m.text) between 2 and 8 and m.text not like '% %'
        and lower(strip_accents(replace(m.text, '.', ''))) <> e.entity_key
),
candidates as (
    select bare.entity_id as short_id, min(d.full_id) as full_id, count(distinct d.full_id) as meanings
    from entities as bare
    join definitions as d on lower(strip_accents(replace(d.text, '.', ''))) = bare.entity_key
    where bare.entity_id <> d.full_id
    group by bare.entity_id
)
select short_id, full_id from candidates
where meanings = 1 and short_id not in (select short_id from entity_links)

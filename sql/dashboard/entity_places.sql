-- Where one entity is, if it is a place: the places its mentions resolved to, most shared first.
select
    place,
    kind,
    country_code,
    latitude,
    longitude,
    mentions,
    share,
    how
from place_entities
where entity_id = $entity_id
order by mentions desc, place

-- One entity by id, as the entity search lists it.
select
    entity_id,
    name,
    label,
    mention_count,
    article_count,
    rank_in_type
from top_entities_by_type
where entity_id = $entity_id

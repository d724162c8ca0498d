-- The entities most often in the same articles as one entity.
select
    case when entity_a = $entity_id then entity_b else entity_a end as entity_id,
    case when entity_a = $entity_id then name_b else name_a end as name,
    case when entity_a = $entity_id then label_b else label_a end as label,
    articles_together
from entity_cooccurrence
where $entity_id in (entity_a, entity_b)
order by articles_together desc, name
limit 15

-- Entities whose name contains the text typed, accents and case ignored (`moscu` finds `Moscú`),
-- of one type or all ($label = ''), most mentioned first; or the one entity $entity_id ('' for any).
select
    entity_id,
    name,
    label,
    mention_count,
    article_count,
    rank_in_type
from top_entities_by_type
where contains(strip_accents(lower(name)), strip_accents(lower(trim($text))))
  and ($label = '' or label = $label)
  and ($entity_id = '' or entity_id = $entity_id)
order by mention_count desc, article_count desc, name
limit 200

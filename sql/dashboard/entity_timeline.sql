-- One entity's statements per day: each re-sent paragraph counted once (story views).
select
    published_date,
    statements
from story_entity_mentions_by_day
where entity_id = $entity_id
  and published_date is not null
order by published_date

-- The entities with most money reported with them (in euros, each statement once per story).
select
    entity_name,
    entity_label,
    total_eur,
    figures,
    stories
from story_money_by_entity
where total_eur is not null
order by total_eur desc, entity_name
limit $top

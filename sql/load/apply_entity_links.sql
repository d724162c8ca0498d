-- Move the mentions of each linked entity to the entity it is a short form of (entity_links:
-- link_short_person_names.sql, link_defined_acronyms.sql). Links chain (`Meade` -> `José Antonio
-- Meade` -> `José Antonio Meade Kuribreña`): each short form goes to the end of its chain first
-- (names grow by a word or more at each step, so a chain has no loop and is short).
update entity_links
set full_id = coalesce(third.full_id, second.full_id)
from entity_links as second
left join entity_links as third on third.short_id = second.full_id
where entity_links.full_id = second.short_id;

update mentions
set entity_id = links.full_id
from entity_links as links
where mentions.entity_id = links.short_id

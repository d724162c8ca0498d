-- Move the mentions of each linked entity to the entity it is a short form of (entity_links:
-- link_short_person_names.sql, link_defined_acronyms.sql).
update mentions
set entity_id = links.full_id
from entity_links as links
where mentions.entity_id = links.short_id

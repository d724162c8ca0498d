-- Entities no mention points to: one-word persons whose mentions were linked to the full name.
delete from entities
where not exists (select 1 from mentions where mentions.entity_id = entities.entity_id)

-- New canonical entities only; existing ones keep their row (labels are re-voted after the run).
insert or ignore into entities (entity_id, entity_key, name, label, country_code)
select entity_id, entity_key, name, label, country_code
from batch_entities
where entity_id not in (select entity_id from entities)

-- New canonical entities only; existing ones keep their row (labels are re-voted after the run).
-- Written without `insert or ignore` (it needs an enforced key): the same SQL runs on the
-- DuckLake layout, which has none (README, "Layouts").
insert into entities (entity_id, entity_key, name, label, country_code)
select entity_id, entity_key, name, label, country_code
from batch_entities as b
-- entity_id is a hash of entity_key, so the id alone decides (an `or` on the key would make
-- this a nested-loop join: batch x entities).
where not exists (select 1 from entities as e where e.entity_id = b.entity_id)
qualify row_number() over (partition by entity_id) = 1

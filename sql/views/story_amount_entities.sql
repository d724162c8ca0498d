-- Figures per entity named in the figure's sentence, counted once per story: one row per
-- (statement, entity), a statement being the n-th occurrence of a figure in a paragraph of a
-- story (see story_amounts). "Money figures reported with Kazajistán, each once" is a where
-- clause; per article: amount_entities.
-- Kept by each run for the stories it changed, by entity id (table derived_story_amount_entities,
-- sql/derived/story_amount_entities.sql); names and labels are the entities' current ones.
create or replace view story_amount_entities as
select
    d.story_id, d.paragraph_identity, d.occurrence, d.kind, d.value, d.value_high, d.unit, d.per_value, d.per_unit,
    d.entity_id,
    e.name as entity_name,
    e.label as entity_label,
    d.text, d.restates, d.value_eur, d.value_usd, d.published_date, d.articles
from derived_story_amount_entities as d
join entities as e using (entity_id);

-- Figures per entity named in the figure's sentence, counted once per story: one row per
-- (statement, entity), a statement being a figure in a paragraph of a story (see story_amounts).
-- "Money figures reported with Kazajistán, each once" is a where clause; per article:
-- amount_entities.
create or replace view story_amount_entities as
select
    a.story_id,
    p.paragraph_identity,
    ae.kind,
    ae.value,
    ae.value_high,
    ae.unit,
    ae.entity_id,
    ae.entity_name,
    ae.entity_label,
    arg_min(ae.text, (a.loaded_at, a.source_path, a.source_position)) as text,
    min(ae.published_date) as published_date,
    count(distinct ae.article_id) as articles
from amount_entities as ae
join amounts as n on n.article_id = ae.article_id and n.amount_no = ae.amount_no
join articles as a on a.article_id = ae.article_id
join article_paragraphs as p on p.article_id = n.article_id and p.paragraph_no = n.paragraph_no
group by a.story_id, p.paragraph_identity, ae.kind, ae.value, ae.value_high, ae.unit,
         ae.entity_id, ae.entity_name, ae.entity_label;

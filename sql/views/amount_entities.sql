-- One row per (figure, entity named in the figure's sentence): "all money figures mentioned with
-- Kazajistán" is a where clause. An entity named twice in the sentence still gives one row.
create or replace view amount_entities as
select distinct
    n.article_id,
    n.amount_no,
    a.published_date,
    n.text,
    n.kind,
    n.value,
    n.value_high,
    n.unit,
    n.object,
    n.qualifier,
    n.per_value,
    n.per_unit,
    n.restates,
    n.value_eur,
    n.value_usd,
    e.entity_id,
    e.name as entity_name,
    e.label as entity_label,
    e.country_code as entity_country_code
from amounts as n
join articles as a using (article_id)
join mentions as m on m.article_id = n.article_id and m.sentence_no = n.sentence_no
join entities as e on e.entity_id = m.entity_id;

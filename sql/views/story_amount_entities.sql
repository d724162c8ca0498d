-- Figures per entity named in the figure's sentence, counted once per story: one row per
-- (statement, entity), a statement being the n-th occurrence of a figure in a paragraph of a
-- story (see story_amounts). "Money figures reported with Kazajistán, each once" is a where
-- clause; per article: amount_entities.
create or replace view story_amount_entities as
with statements as (
    select
        n.article_id,
        n.amount_no,
        a.story_id,
        a.loaded_at,
        a.source_path,
        a.source_position,
        p.paragraph_identity,
        row_number() over (partition by n.article_id, n.paragraph_no, n.kind, n.value, n.value_high, n.unit,
                                        n.per_value, n.per_unit
                           order by n.start_char) as occurrence
    from amounts as n
    join articles as a using (article_id)
    join article_paragraphs as p on p.article_id = n.article_id and p.paragraph_no = n.paragraph_no
)
select
    s.story_id,
    s.paragraph_identity,
    s.occurrence,
    ae.kind,
    ae.value,
    ae.value_high,
    ae.unit,
    ae.per_value,
    ae.per_unit,
    ae.entity_id,
    ae.entity_name,
    ae.entity_label,
    arg_min(ae.text, (s.loaded_at, s.source_path, s.source_position)) as text,
    arg_min(ae.restates, (s.loaded_at, s.source_path, s.source_position)) as restates,
    arg_min(ae.value_eur, (s.loaded_at, s.source_path, s.source_position)) as value_eur,
    arg_min(ae.value_usd, (s.loaded_at, s.source_path, s.source_position)) as value_usd,
    min(ae.published_date) as published_date,
    count(distinct ae.article_id) as articles
from amount_entities as ae
join statements as s on s.article_id = ae.article_id and s.amount_no = ae.amount_no
group by s.story_id, s.paragraph_identity, s.occurrence, ae.kind, ae.value, ae.value_high, ae.unit,
         ae.per_value, ae.per_unit, ae.entity_id, ae.entity_name, ae.entity_label;

-- The rows of the `story_amount_entities` view by entity id (the view adds the entity's current
-- name and label, which a later run's linking or renaming may change), for the stories of
-- `scoped_articles` (warehouse/storage/derived.py). A figure's entities are those named in its
-- sentence (as in amount_entities).
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
    join scoped_articles as a using (article_id)
    join article_paragraphs as p on p.article_id = n.article_id and p.paragraph_no = n.paragraph_no
),
figure_entities as (
    select distinct
        n.article_id, n.amount_no, a.published_date, n.text, n.kind, n.value, n.value_high, n.unit,
        n.per_value, n.per_unit, n.restates, n.value_eur, n.value_usd, m.entity_id
    from amounts as n
    join scoped_articles as a using (article_id)
    join mentions as m on m.article_id = n.article_id and m.sentence_no = n.sentence_no
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
    arg_min(ae.text, (s.loaded_at, s.source_path, s.source_position)) as text,
    arg_min(ae.restates, (s.loaded_at, s.source_path, s.source_position)) as restates,
    arg_min(ae.value_eur, (s.loaded_at, s.source_path, s.source_position)) as value_eur,
    arg_min(ae.value_usd, (s.loaded_at, s.source_path, s.source_position)) as value_usd,
    min(ae.published_date) as published_date,
    count(distinct ae.article_id) as articles
from figure_entities as ae
join statements as s on s.article_id = ae.article_id and s.amount_no = ae.amount_no
group by s.story_id, s.paragraph_identity, s.occurrence, ae.kind, ae.value, ae.value_high, ae.unit,
         ae.per_value, ae.per_unit, ae.entity_id

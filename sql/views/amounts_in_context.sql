-- Every figure with its article, date and the entities named in the same sentence.
create or replace view amounts_in_context as
with sentence_entities as (
    select
        m.article_id,
        m.sentence_no,
        list(distinct e.name order by e.name) as entities
    from mentions as m
    join entities as e using (entity_id)
    group by m.article_id, m.sentence_no
)
select
    n.article_id,
    a.published_date,
    a.title,
    n.amount_no,
    n.text,
    n.kind,
    n.value,
    n.value_high,
    n.unit,
    n.object,
    n.qualifier,
    n.unit_inferred,
    n.per_value,            -- a rate's denominator (`por 100.000 habitantes`); null for other figures
    n.per_unit,
    n.restates,             -- converts the figure before it: `(3.400 millones de euros)`
    n.value_eur,            -- money at the ECB rate of the article's date (see rate_date, rate_note)
    n.value_usd,
    n.rate_date,
    n.rate_note,
    n.sentence_no,
    coalesce(s.entities, []) as sentence_entities
from amounts as n
join articles as a using (article_id)
left join sentence_entities as s
    on s.article_id = n.article_id and s.sentence_no = n.sentence_no;

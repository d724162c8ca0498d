-- Every figure with its article (date, title, outlet, URL), the sentence it is in and the
-- entities named in that sentence. `sentence` is null for an article extracted before sentences
-- were stored (migration 022) until `news-warehouse reprocess`.
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
    a.outlet,
    a.url,
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
    substring(a.body, t.start_char + 1, t.end_char - t.start_char) as sentence,
    t.start_char as sentence_start,   -- offsets of the sentence in articles.body
    t.end_char as sentence_end,
    coalesce(s.entities, []) as sentence_entities
from amounts as n
join articles as a using (article_id)
left join article_sentences as t
    on t.article_id = n.article_id and t.sentence_no = n.sentence_no
left join sentence_entities as s
    on s.article_id = n.article_id and s.sentence_no = n.sentence_no;

-- Figures counted once per story: the same figure (kind, value, unit) in the same paragraph
-- (normalised text) of articles of one story is one statement, however many articles re-sent it.
-- For per-article questions use amounts_in_context (one row per figure per article).
create or replace view story_amounts as
with placed as (
    select
        a.story_id,
        p.paragraph_identity,
        n.article_id,
        n.text,
        n.kind,
        n.value,
        n.value_high,
        n.unit,
        n.object,
        n.qualifier,
        a.published_date,
        row_number() over (partition by a.story_id
                           order by a.loaded_at, a.source_path, a.source_position, n.amount_no) as arrival
    from amounts as n
    join articles as a using (article_id)
    join article_paragraphs as p on p.article_id = n.article_id and p.paragraph_no = n.paragraph_no
)
select
    story_id,
    paragraph_identity,
    kind,
    value,
    value_high,
    unit,
    arg_min(text, arrival) as text,
    arg_min(object, arrival) as object,
    arg_min(qualifier, arrival) as qualifier,
    min(published_date) as published_date,
    arg_min(article_id, arrival) as first_article_id,
    count(distinct article_id) as articles
from placed
group by story_id, paragraph_identity, kind, value, value_high, unit;

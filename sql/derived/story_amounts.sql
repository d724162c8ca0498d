-- Figures counted once per story. A statement is the n-th occurrence of a figure (kind, value,
-- unit) in a paragraph (normalised text) of a story: the same paragraph re-sent in another
-- article of the story adds no statement; two equal figures in one paragraph (`Cove Capital
-- (50 %) y Tau-Ken Samruk (50 %)`) are two. Sums over this view count each reported figure once.
-- A paragraph edited in a correction is another paragraph: its figures are new statements.
-- For per-article questions use amounts_in_context (one row per figure per article).
-- A rate (`per_value` not null) is another statement than the same figure without a denominator;
-- value_eur and value_usd are those of the first article that reported the statement.
-- Computed for the stories of `scoped_articles` (warehouse/storage/derived.py).
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
        n.per_value,
        n.per_unit,
        n.restates,
        n.value_eur,
        n.value_usd,
        a.published_date,
        row_number() over (partition by n.article_id, n.paragraph_no, n.kind, n.value, n.value_high, n.unit,
                                        n.per_value, n.per_unit
                           order by n.start_char) as occurrence,
        row_number() over (partition by a.story_id
                           order by a.loaded_at, a.source_path, a.source_position, n.amount_no) as arrival
    from amounts as n
    join scoped_articles as a using (article_id)
    join article_paragraphs as p on p.article_id = n.article_id and p.paragraph_no = n.paragraph_no
)
select
    story_id,
    paragraph_identity,
    occurrence,
    kind,
    value,
    value_high,
    unit,
    per_value,
    per_unit,
    arg_min(text, arrival) as text,
    arg_min(restates, arrival) as restates,
    arg_min(value_eur, arrival) as value_eur,
    arg_min(value_usd, arrival) as value_usd,
    arg_min(object, arrival) as object,
    arg_min(qualifier, arrival) as qualifier,
    min(published_date) as published_date,
    arg_min(article_id, arrival) as first_article_id,
    count(distinct article_id) as articles
from placed
group by story_id, paragraph_identity, occurrence, kind, value, value_high, unit, per_value, per_unit

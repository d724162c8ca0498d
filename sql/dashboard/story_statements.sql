-- One story's figures, each statement once however many of its articles carry it.
select
    text,
    kind,
    value,
    value_high,
    unit,
    object,
    value_eur,
    published_date,
    articles
from story_amounts
where story_id = $story_id
order by published_date nulls last, kind, value

-- What to highlight in one article's body: its entity mentions and figures, in text order.
select
    'entity' as what,
    m.start_char,
    m.end_char,
    m.text,
    m.label as kind,
    e.name as detail,
    m.entity_id
from mentions m
join entities e using (entity_id)
where m.article_id = $article_id
union all
select
    'figure' as what,
    start_char,
    end_char,
    text,
    kind,
    coalesce(unit, '') as detail,
    null as entity_id
from amounts
where article_id = $article_id
order by start_char, end_char desc

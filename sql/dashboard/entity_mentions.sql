-- The articles mentioning one entity, newest first, each mention with the words around it
-- (offsets are Python string offsets into articles.body: substring is 1-based).
select
    m.article_id,
    a.published_date,
    a.title,
    coalesce(a.outlet, a.agency) as outlet,
    m.mention_no,
    m.label,
    substring(a.body, greatest(m.start_char - $context, 0) + 1, m.start_char - greatest(m.start_char - $context, 0))
        as before,
    m.text,
    substring(a.body, m.end_char + 1, $context) as after
from mentions m
join articles a using (article_id)
where m.entity_id = $entity_id
order by a.published_date desc nulls last, a.loaded_at desc, m.article_id, m.mention_no
limit 300

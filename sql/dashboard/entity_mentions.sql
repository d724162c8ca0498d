-- The newest 100 articles mentioning one entity, with their first three mentions of it, each
-- with the words around it, and how many mentions of it each article has (offsets are Python
-- string offsets into articles.body: substring is 1-based). The articles are chosen before any
-- body is read: sorting every mention joined to its article's body first cost 1.25 s for the
-- most mentioned entity at 100,000 articles (benchmarks/dashboard.py).
with newest as (
    select
        m.article_id,
        a.published_date,
        a.loaded_at,
        count(*) as mentions_in_article
    from mentions m
    join articles a using (article_id)
    where m.entity_id = $entity_id
    group by all
    order by a.published_date desc nulls last, a.loaded_at desc, m.article_id
    limit 100
),
shown as (
    select m.article_id, m.mention_no, m.label, m.text, m.start_char, m.end_char
    from mentions m
    join newest using (article_id)
    where m.entity_id = $entity_id
    qualify row_number() over (partition by m.article_id order by m.mention_no) <= 3
)
select
    s.article_id,
    n.published_date,
    a.title,
    coalesce(a.outlet, a.agency) as outlet,
    s.mention_no,
    s.label,
    substring(a.body, greatest(s.start_char - $context, 0) + 1, s.start_char - greatest(s.start_char - $context, 0))
        as before,
    s.text,
    substring(a.body, s.end_char + 1, $context) as after,
    n.mentions_in_article
from shown s
join newest n using (article_id)
join articles a using (article_id)
order by n.published_date desc nulls last, n.loaded_at desc, s.article_id, s.mention_no

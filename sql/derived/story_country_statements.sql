-- Each (country, statement) once: a paragraph of a story naming a place in the country (`Moscú`
-- counts for RU), dated by the earliest publication date among the story's articles carrying it,
-- with its mentions and articles (story_country_mentions_by_day counts these), for the stories of
-- `scoped_articles` (warehouse/storage/derived.py).
select
    pl.country_code,
    a.story_id,
    ap.paragraph_identity,
    min(a.published_date) as published_date,
    count(*) as mentions,
    count(distinct m.article_id) as articles
from mentions as m
join places as pl using (place_id)
join scoped_articles as a using (article_id)
join article_paragraphs as ap on ap.article_id = m.article_id and ap.paragraph_no = m.paragraph_no
where pl.country_code is not null
group by pl.country_code, a.story_id, ap.paragraph_identity

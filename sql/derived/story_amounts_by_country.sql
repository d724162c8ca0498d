-- Each figure statement (story_amounts) with the countries it is reported about: those the places
-- named in its paragraph are in (`country_how = 'paragraph'`; a paragraph naming Rusia and
-- Kazajistán gives its figures to both), else its story's dateline country (`'dateline'`), else
-- none (null). One row per statement and country: a sum over one country counts each figure
-- once, a sum over all rows counts a figure once per country it is reported with.
-- Computed for the stories of `scoped_articles` and `scoped_story_amounts` (warehouse/storage/derived.py).
with paragraph_countries as (
    select distinct a.story_id, ap.paragraph_identity, pl.country_code
    from mentions as m
    join places as pl using (place_id)
    join scoped_articles as a using (article_id)
    join article_paragraphs as ap on ap.article_id = m.article_id and ap.paragraph_no = m.paragraph_no
    where pl.country_code is not null
),
-- The story's most common dateline country; a tie goes to the first code, not to `mode`'s
-- row order, so the answer does not depend on how the rows were stored.
story_country_counts as (
    select story_id, country_code, count(*) as articles
    from scoped_articles
    where country_code is not null
    group by story_id, country_code
),
story_countries as (
    select story_id, first(country_code order by articles desc, country_code) as country_code
    from story_country_counts
    group by story_id
)
select
    f.*,
    coalesce(pc.country_code, sc.country_code) as country_code,
    case when pc.country_code is not null then 'paragraph'
         when sc.country_code is not null then 'dateline' end as country_how
from scoped_story_amounts as f
left join paragraph_countries as pc on pc.story_id = f.story_id and pc.paragraph_identity = f.paragraph_identity
left join story_countries as sc on sc.story_id = f.story_id and pc.country_code is null

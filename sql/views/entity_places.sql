-- Where an entity is in the news: the places named in the articles that mention it ("where is
-- Rosatom in the news?"), counted in stories (a story re-sent five times counts once), in
-- articles, and in statements where both are in one paragraph (a paragraph of a story, however
-- often re-sent). A place the entity itself is (`Rusia`) is left out of its own list.
create or replace view entity_places as
with entity_paragraphs as (
    select distinct m.entity_id, m.article_id, a.story_id, ap.paragraph_identity
    from mentions as m
    join articles as a using (article_id)
    join article_paragraphs as ap on ap.article_id = m.article_id and ap.paragraph_no = m.paragraph_no
),
place_paragraphs as (
    select distinct m.place_id, m.entity_id as place_entity_id, m.article_id, ap.paragraph_identity
    from mentions as m
    join article_paragraphs as ap on ap.article_id = m.article_id and ap.paragraph_no = m.paragraph_no
    where m.place_id is not null
),
pairs as (
    select
        e.entity_id,
        p.place_id,
        e.story_id,
        e.article_id,
        case when e.paragraph_identity = p.paragraph_identity then e.story_id || '/' || e.paragraph_identity end
            as statement
    from entity_paragraphs as e
    join place_paragraphs as p on p.article_id = e.article_id and p.place_entity_id <> e.entity_id
)
select
    en.entity_id,
    en.name as entity,
    en.label,
    pl.place_id,
    pl.name as place,
    pl.kind,
    pl.country_code,
    pl.admin1_name,
    pl.latitude,
    pl.longitude,
    count(distinct pr.story_id) as stories,
    count(distinct pr.article_id) as articles,
    count(distinct pr.statement) as same_paragraph_statements
from pairs as pr
join entities as en using (entity_id)
join places as pl using (place_id)
group by en.entity_id, en.name, en.label, pl.place_id, pl.name, pl.kind, pl.country_code, pl.admin1_name,
         pl.latitude, pl.longitude;

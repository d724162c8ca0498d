-- The articles whose set of entities differs from the one their pairs were last counted with:
-- new, re-extracted, deleted, or with an entity linked to another since.
select distinct coalesce(n.article_id, s.article_id) as article_id
from (select distinct article_id, entity_id from mentions) as n
full outer join derived_article_entities as s
    on s.article_id = n.article_id and s.entity_id = n.entity_id
where n.article_id is null or s.article_id is null

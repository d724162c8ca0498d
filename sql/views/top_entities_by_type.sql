-- Entities ranked by mentions within their type (PER, ORG, LOC, MISC).
create or replace view top_entities_by_type as
with ranked as (
    select
        label,
        entity_id,
        name,
        country_code,
        mention_count,
        article_count,
        rank() over (partition by label order by mention_count desc, article_count desc) as rank_in_type
    from entities
    where mention_count > 0
)
select label, rank_in_type, entity_id, name, country_code, mention_count, article_count
from ranked;

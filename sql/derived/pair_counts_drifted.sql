-- Whether applying `pair_changes` would take a pair's count below zero (a pair the changed articles
-- were counted with but derived_entity_pairs lacks, or holds fewer times): the two stored tables
-- disagree, and refresh_entity_pairs counts every pair again instead of carrying the error on.
select count(*) > 0
from pair_changes as c
left join derived_entity_pairs as p on p.entity_a = c.entity_a and p.entity_b = c.entity_b
where coalesce(p.articles_together, 0) + c.change < 0

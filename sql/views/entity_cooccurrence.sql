-- Pairs of entities mentioned in the same article (each pair once: entity_a < entity_b). The
-- counts are kept by each run for the articles it changed (table derived_entity_pairs,
-- warehouse/storage/derived.py): counting every pair per query took 50-57 s at a million articles.
create or replace view entity_cooccurrence as
select
    p.entity_a,
    ea.name as name_a,
    ea.label as label_a,
    p.entity_b,
    eb.name as name_b,
    eb.label as label_b,
    p.articles_together
from derived_entity_pairs as p
join entities as ea on ea.entity_id = p.entity_a
join entities as eb on eb.entity_id = p.entity_b;

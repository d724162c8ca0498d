-- Pairs of entities mentioned in the same article, each pair once (entity_a < entity_b), with the
-- number of articles: what entity_cooccurrence shows, counted over every article when the table
-- is created (warehouse/storage/derived.py then adds what each refresh's changed articles change).
with article_entities as (
    select distinct article_id, entity_id
    from mentions
)
select a.entity_id as entity_a, b.entity_id as entity_b, count(*) as articles_together
from article_entities as a
join article_entities as b on a.article_id = b.article_id and a.entity_id < b.entity_id
group by a.entity_id, b.entity_id

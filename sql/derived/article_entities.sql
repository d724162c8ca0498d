-- Each entity an article mentions, once: what an article adds to entity_cooccurrence's pairs
-- (warehouse/storage/derived.py keeps the set each article was last counted with).
select distinct article_id, entity_id
from mentions

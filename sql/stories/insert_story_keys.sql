-- The articles placed now become candidates for later ones.
insert into story_keys (lookup_key, article_id, published_date)
select lookup_key, article_id, published_date
from batch_story_key_rows

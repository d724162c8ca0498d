-- Earlier articles sharing a lookup key with the articles being placed (batch_story_keys): a scan
-- of the key column only (64-bit integers), whatever the size of the articles' other data.
select distinct k.article_id
from story_keys as k
semi join batch_story_keys as b using (lookup_key)

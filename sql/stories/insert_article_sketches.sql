-- Once per article: in the transaction that gives it its story, and only articles without one are
-- placed. No key to check (migration 016 says why); the data tests check there is one row per key.
insert into article_sketches (article_id, signature, shingle_count, distinctive_paragraphs, story_settings)
select article_id, signature, shingle_count, distinctive_paragraphs, story_settings
from batch_article_sketches

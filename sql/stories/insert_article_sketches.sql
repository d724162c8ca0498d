insert or replace into article_sketches (article_id, signature, shingle_count, distinctive_paragraphs, story_settings)
select article_id, signature, shingle_count, distinctive_paragraphs, story_settings
from batch_article_sketches

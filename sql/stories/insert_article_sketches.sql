-- Once per article: in the transaction that gives it its story, and only articles without one are
-- placed. A plain insert, so a second one would fail on the key rather than pass unnoticed.
insert into article_sketches (article_id, signature, shingle_count, distinctive_paragraphs, story_settings)
select article_id, signature, shingle_count, distinctive_paragraphs, story_settings
from batch_article_sketches

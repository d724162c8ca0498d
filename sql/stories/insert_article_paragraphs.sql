-- Once per article: in the transaction that gives it its story, and only articles without one are
-- placed. No key to check (migration 016 says why); the data tests check there is one row per key.
insert into article_paragraphs (article_id, paragraph_no, start_char, end_char, paragraph_identity)
select article_id, paragraph_no, start_char, end_char, paragraph_identity
from batch_article_paragraphs

-- Once per article: in the transaction that gives it its story, and only articles without one are
-- placed. A plain insert, so a second one would fail on the key rather than pass unnoticed.
insert into article_paragraphs (article_id, paragraph_no, start_char, end_char, paragraph_identity)
select article_id, paragraph_no, start_char, end_char, paragraph_identity
from batch_article_paragraphs

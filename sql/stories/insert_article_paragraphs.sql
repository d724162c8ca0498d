insert or ignore into article_paragraphs (article_id, paragraph_no, start_char, end_char, paragraph_identity)
select article_id, paragraph_no, start_char, end_char, paragraph_identity
from batch_article_paragraphs

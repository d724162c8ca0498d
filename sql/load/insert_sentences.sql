-- Only rows of articles inserted by this transaction (or being re-extracted) are staged: no key to check.
insert into article_sentences (article_id, sentence_no, start_char, end_char)
select article_id, sentence_no, start_char, end_char
from batch_sentences

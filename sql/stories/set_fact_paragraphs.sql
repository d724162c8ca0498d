-- Which paragraph each mention and amount is in, for facts stored without it: by a version from
-- before stories (the loader now sets it at insert, warehouse/storage/load.py). Once per run, after the
-- articles without a story (and so without paragraphs) have been placed.
update mentions
set paragraph_no = p.paragraph_no
from article_paragraphs as p
where mentions.paragraph_no is null
  and p.article_id = mentions.article_id
  and mentions.start_char >= p.start_char
  and mentions.start_char < p.end_char
;

update amounts
set paragraph_no = p.paragraph_no
from article_paragraphs as p
where amounts.paragraph_no is null
  and p.article_id = amounts.article_id
  and amounts.start_char >= p.start_char
  and amounts.start_char < p.end_char
;

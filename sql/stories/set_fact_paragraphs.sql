-- Which paragraph each mention and amount is in, for those not placed yet (new, reprocessed or
-- stored before paragraphs were).
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

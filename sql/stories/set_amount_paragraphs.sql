-- Which paragraph each amount is in, for those not placed yet (new, reprocessed or upgraded).
update amounts
set paragraph_no = p.paragraph_no
from article_paragraphs as p
where amounts.paragraph_no is null
  and p.article_id = amounts.article_id
  and amounts.start_char >= p.start_char
  and amounts.start_char < p.end_char

-- Which of the batch's article ids are already in the warehouse.
select b.article_id
from batch_article_ids as b
join articles as a using (article_id)

-- Which of the batch's article ids are already in the warehouse, or were deleted from it
-- (`article_retractions`: a retracted article is never loaded again).
select b.article_id
from batch_article_ids as b
where exists (select 1 from articles as a where a.article_id = b.article_id)
   or exists (select 1 from article_retractions as r where r.article_id = b.article_id)

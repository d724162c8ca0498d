-- Of these articles (ids: $1, a batch just loaded), those the search index lacks; by primary key
-- only, so the cost follows the batch, not the warehouse (articles_to_index.sql reads every id).
select a.article_id, a.title, a.body
from articles a
where a.article_id = any($1)
  and not exists (select 1 from search_documents d where d.article_id = a.article_id)
order by a.article_id

-- Articles the search index lacks, oldest first (`?`: how many at most).
select a.article_id, a.title, a.body
from articles a
where not exists (select 1 from search_documents d where d.article_id = a.article_id)
order by a.loaded_at, a.article_id
limit ?

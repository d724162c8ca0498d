-- The batch's articles not yet stored: those the next statement inserts (DuckLake cannot
-- return the rows of an insert, so the loader asks first, in the same transaction).
select article_id
from batch_articles as b
where not exists (select 1 from articles as a where a.article_id = b.article_id)
qualify row_number() over (partition by article_id) = 1

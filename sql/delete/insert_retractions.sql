-- `batch_retractions`: the articles just deleted, recorded so no run loads them again.
-- Written without `insert or ignore` (it needs an enforced key): the same SQL runs on the
-- DuckLake layout, which has none (README, "Layouts").
insert into article_retractions (article_id, title, source_path, published_date, reason)
select article_id, title, source_path, published_date, reason
from batch_retractions as b
where not exists (select 1 from article_retractions as r where r.article_id = b.article_id)
qualify row_number() over (partition by article_id) = 1

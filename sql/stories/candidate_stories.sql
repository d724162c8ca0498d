-- The stories of the candidates (ids: $1), by primary key only (see candidate_sketches.sql).
select article_id, story_id, published_date
from articles
where article_id = any($1)

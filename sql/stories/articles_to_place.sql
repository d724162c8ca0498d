-- Articles to place (ids: $1), by primary key only (see candidate_sketches.sql), with what orders
-- them as pending_articles.sql does; the caller sorts them and skips those with a story.
select loaded_at, source_path, source_position, article_id, body, published_date, story_id
from articles
where article_id = any($1)

-- One row per story: articles that tell the same story (warehouse/stories/), in the order they
-- were placed (the first one's id is the story id). Kept by each run for the stories it changed
-- (table derived_stories, computed by sql/derived/stories.sql): 17 s a query at a million articles.
create or replace view stories as
select story_id, articles, first_published, last_published, first_title, article_ids, titles
from derived_stories;

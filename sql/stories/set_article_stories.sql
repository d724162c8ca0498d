update articles
set story_id = b.story_id,
    closest_article_id = b.closest_article_id,
    story_similarity = b.story_similarity
from batch_story_assignments as b
where articles.article_id = b.article_id

-- Staged articles (`batch_article_ids`) lose their story and what placement stored for them, so
-- `place_pending_stories` places them again, oldest first, as if just loaded.
delete from article_paragraphs where article_id in (select article_id from batch_article_ids);
delete from article_sketches where article_id in (select article_id from batch_article_ids);
delete from story_keys where article_id in (select article_id from batch_article_ids);
update articles
set story_id = null, closest_article_id = null, story_similarity = null,
    country_code = case when country_source = 'story' then null else country_code end,
    country_source = case when country_source = 'story' then null else country_source end
where article_id in (select article_id from batch_article_ids);

-- The stories of the articles staged (those not placed in a story yet have none).
select distinct story_id from articles
where article_id in (select article_id from batch_article_ids) and story_id is not null

-- Which of the staged ids were deleted before (a second `delete` of the same article).
select article_id from article_retractions where article_id in (select article_id from batch_article_ids)

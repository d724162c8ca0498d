-- How many mentions and amounts the staged articles hold.
select (select count(*) from mentions where article_id in (select article_id from batch_article_ids)),
       (select count(*) from amounts where article_id in (select article_id from batch_article_ids))

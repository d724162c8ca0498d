-- `batch_retractions`: the articles just deleted, recorded so no run loads them again.
insert or ignore into article_retractions (article_id, title, source_path, published_date, reason)
select article_id, title, source_path, published_date, reason from batch_retractions

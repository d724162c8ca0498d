-- The old facts of the articles being re-extracted (same transaction as their replacements).
delete from mentions where article_id in (select article_id from batch_article_ids);
delete from amounts where article_id in (select article_id from batch_article_ids);
delete from article_sentences where article_id in (select article_id from batch_article_ids);

-- Everything stored for the staged articles (`batch_article_ids`), the articles last: their facts,
-- sentences, story data, search index and deliveries. Entities no mention points to any more go
-- with them (load/drop_orphan_entities.sql, run after).
delete from mentions where article_id in (select article_id from batch_article_ids);
delete from amounts where article_id in (select article_id from batch_article_ids);
delete from article_sentences where article_id in (select article_id from batch_article_ids);
delete from article_paragraphs where article_id in (select article_id from batch_article_ids);
delete from article_sketches where article_id in (select article_id from batch_article_ids);
delete from story_keys where article_id in (select article_id from batch_article_ids);
delete from search_postings where article_id in (select article_id from batch_article_ids);
delete from search_documents where article_id in (select article_id from batch_article_ids);
delete from deliveries where article_id in (select article_id from batch_article_ids);
delete from articles where article_id in (select article_id from batch_article_ids);

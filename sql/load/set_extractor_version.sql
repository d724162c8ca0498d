-- The articles just re-extracted now carry the version that extracted their facts.
update articles
set extractor_version = ?
where article_id in (select article_id from batch_article_ids)

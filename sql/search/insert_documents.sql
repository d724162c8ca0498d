-- `new_documents`: (article_id, term_count) of articles just indexed.
insert into search_documents (article_id, term_count)
select article_id, term_count from new_documents

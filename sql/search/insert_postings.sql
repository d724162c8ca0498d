-- `new_postings`: (stem, article_id, term_frequency) of articles just indexed.
insert into search_postings (stem, article_id, term_frequency)
select stem, article_id, term_frequency from new_postings

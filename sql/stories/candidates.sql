-- Earlier articles sharing a lookup key with the articles being placed (batch_story_keys) and
-- published within the dates $1..$2 (warehouse/stories/placement.py, candidate_dates) or undated.
-- The date filter is what keeps this from growing with the warehouse: key rows are appended in
-- the order articles arrive, which in a news stream is the order of their dates, so DuckDB skips
-- every row group whose min-max dates lie outside the window (zonemaps) and scans only recent
-- keys. Measured on 13 M synthetic key rows (100 articles a day, 130 keys each): 9.6 ms with the
-- window, 177 ms without.
select distinct k.article_id
from story_keys as k
semi join batch_story_keys as b using (lookup_key)
where k.published_date between $1 and $2 or k.published_date is null

-- The sketches and stories of the candidates (ids: $1). Nothing but `= any(...)` on the primary
-- key: DuckDB answers it from the key's index (about 2 ms for 5 ids at 10,000 articles, flat in
-- N); with any other condition beside it, or a join, it scanned the tables (7-8 ms at 10,000,
-- growing with N). The caller keeps the placed ones of the same settings.
select s.article_id, s.signature, s.shingle_count, s.distinctive_paragraphs, s.story_settings
from article_sketches as s
where s.article_id = any($1)

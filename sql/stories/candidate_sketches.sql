-- The sketches of the candidates (ids: $1). Nothing but `= any(...)` on the indexed article_id:
-- DuckDB answers it from the index (1.0 ms for 5 ids at 100 and at 10,000 articles; 4.0 ms at
-- 10,000 without the index); with any other condition beside it, or a join, it scanned the
-- tables (7-8 ms at 10,000, growing with N). The caller keeps the placed ones of the same settings.
select s.article_id, s.signature, s.shingle_count, s.distinctive_paragraphs, s.story_settings
from article_sketches as s
where s.article_id = any($1)

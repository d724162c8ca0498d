-- Earlier articles sharing a lookup key with the articles being placed (batch_story_keys), with
-- what matching needs of them. Only sketches made with the same settings are comparable.
select distinct
    a.article_id,
    a.story_id,
    s.signature,
    s.shingle_count,
    s.distinctive_paragraphs
from (select distinct k.article_id
      from story_keys as k
      semi join batch_story_keys as b using (lookup_key)) as shared
join articles as a using (article_id)
join article_sketches as s using (article_id)
where a.story_id is not null
  and s.story_settings = ?

-- Articles with no story yet, oldest first (the order stories are told in; within a batch, the
-- order of the inbox: file path, then position in the file): the batch just loaded, or on an
-- upgraded warehouse every article loaded before stories existed.
select article_id, body, published_date
from articles
where story_id is null
order by loaded_at, source_path, source_position, article_id
limit ?

-- Articles with no story yet, oldest first (the order stories are told in): the batch just
-- loaded, or on an upgraded warehouse every article loaded before stories existed.
select article_id, body
from articles
where story_id is null
order by loaded_at, article_id
limit ?

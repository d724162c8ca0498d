-- A page of stored articles to re-extract: those of another extractor version (or all), by id.
select article_id, body, outlet, language, published_date
from articles
where (? or extractor_version <> ?)
  and article_id > ?
order by article_id
limit ?

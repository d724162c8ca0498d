-- An article without a dateline of its own takes the country most datelines of its story give
-- (`country_source = 'story'`); one whose story has none has none. Run for the stories of the
-- articles just placed or re-extracted (the parameter: their story ids).
update articles
set country_code = s.country_code,
    country_source = 'story'
from (
    select story_id, mode(country_code) as country_code
    from articles
    where country_source = 'dateline' and story_id in (select unnest(?::varchar[]))
    group by story_id
) as s
where articles.story_id = s.story_id
  and articles.country_source is distinct from 'dateline'
  and articles.country_code is distinct from s.country_code

-- Every mention resolved to a place, with the place (`places`) and the rule that resolved it
-- (`place_how`). A city carries its country and region, so grouping by country_code counts
-- `Moscú` for RU. Mentions left unresolved are in `mentions` (place_id null, place_how says why).
create or replace view place_mentions as
select
    m.article_id,
    a.published_date,
    a.story_id,
    m.mention_no,
    m.paragraph_no,
    m.text,
    m.label,
    m.entity_id,
    p.place_id,
    p.kind,
    p.name as place_name,
    p.country_code,
    p.region_code,
    p.admin1_code,
    p.admin1_name,
    p.geonameid,
    p.latitude,
    p.longitude,
    m.place_how
from mentions as m
join places as p using (place_id)
join articles as a using (article_id);

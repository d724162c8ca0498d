-- Cities named, with their coordinates and how often: the map's points.
select
    place_id,
    place_name as city,
    country_code,
    admin1_name as region,
    latitude,
    longitude,
    count(*) as mentions,
    count(distinct article_id) as articles
from place_mentions
where kind = 'city'
  and latitude is not null
group by all
order by mentions desc, city
limit 500

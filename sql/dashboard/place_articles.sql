-- The articles naming a place in one country ($country_code) or one place ($place_id; '' for
-- either means any), newest first, with the places they name there.
select
    p.article_id,
    a.published_date,
    a.title,
    coalesce(a.outlet, a.agency) as outlet,
    list(distinct p.place_name order by p.place_name) as places,
    count(*) as mentions
from place_mentions p
join article_overview a using (article_id)
where ($country_code = '' or p.country_code = $country_code)
  and ($place_id = '' or p.place_id = $place_id)
group by all
order by a.published_date desc nulls last, mentions desc, p.article_id
limit 200

-- Articles per outlet (the agency when no outlet was delivered), with the days they cover.
select
    coalesce(outlet, agency, '(no outlet)') as outlet,
    count(*) as articles,
    count(*) filter (where published_date is null) as undated,
    min(published_date) as first_day,
    max(published_date) as last_day
from article_overview
group by all
order by articles desc, outlet

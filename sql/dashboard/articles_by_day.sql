-- Articles per publication day and outlet (the agency when no outlet was delivered).
select
    published_date,
    coalesce(outlet, agency, '(no outlet)') as outlet,
    count(*) as articles
from article_overview
where published_date is not null
group by all
order by published_date, outlet

-- Articles per publication day and outlet (the agency when no outlet was delivered); outlets
-- past the eight largest are one `other outlets`, so a chart's colours stay readable.
with named as (
    select published_date, coalesce(outlet, agency, '(no outlet)') as outlet
    from article_overview
    where published_date is not null
),
largest as (
    select outlet
    from named
    group by outlet
    order by count(*) desc, outlet
    limit 8
)
select
    published_date,
    case when outlet in (select outlet from largest) then outlet else 'other outlets' end as outlet,
    count(*) as articles
from named
group by all
order by published_date, outlet

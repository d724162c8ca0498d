-- Statements naming each country (its cities and regions included), a re-sent paragraph once.
select
    country_code,
    any_value(country) filter (where country is not null) as country,
    sum(statements)::bigint as statements,   -- a sum of BIGINT is a HUGEINT: pandas would hold Decimals
    sum(stories)::bigint as stories,
    sum(mentions)::bigint as mentions
from story_country_mentions_by_day
group by country_code
order by statements desc, country_code

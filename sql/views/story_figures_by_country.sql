-- Figures by country (story_amounts_by_country), each statement once per country: how many of each
-- kind and unit, in how many stories, and money in euros and dollars (rates and conversions in
-- parentheses left out, as in story_money; figures without an ECB rate counted, not summed).
create or replace view story_figures_by_country as
select
    f.country_code,
    c.name as country,
    f.kind,
    f.unit,
    count(*) as figures,
    count(distinct f.story_id) as stories,
    count(*) filter (where f.country_how = 'paragraph') as named_in_paragraph,
    sum(f.value_eur) filter (where f.kind = 'money' and f.per_value is null and f.restates is not true) as total_eur,
    sum(f.value_usd) filter (where f.kind = 'money' and f.per_value is null and f.restates is not true) as total_usd,
    min(f.published_date) as first_reported,
    max(f.published_date) as last_reported
from story_amounts_by_country as f
left join places as c on c.kind = 'country' and c.country_code = f.country_code
where f.country_code is not null
group by f.country_code, c.name, f.kind, f.unit;

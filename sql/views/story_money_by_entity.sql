-- Money reported with each entity (named in the figure's sentence), in euros and dollars, each
-- statement once per story (story_amount_entities). Rates (`80 dólares por barril`, `1.500 euros
-- al mes`) are left out: a price or a salary is not an amount to add; so are conversions in
-- parentheses (`4.000 millones de dólares (3.400 millones de euros)`), the same amount again. A
-- range counts its lower bound. Figures whose currency has no ECB rate (`pesos colombianos`) are counted in
-- `figures_without_rate` and not in the totals, so a total is never silently partial.
create or replace view story_money_by_entity as
select
    entity_id,
    entity_name,
    entity_label,
    count(*) as figures,
    count(distinct story_id) as stories,
    sum(value_eur) as total_eur,
    sum(value_usd) as total_usd,
    count(*) filter (where value_eur is null) as figures_without_rate,
    list(distinct unit order by unit) as currencies,
    min(published_date) as first_reported,
    max(published_date) as last_reported
from story_amount_entities
where kind = 'money' and per_value is null and restates is not true
group by entity_id, entity_name, entity_label;

-- Money reported in each story, in euros and dollars, each statement once however often the story
-- was re-sent (story_amounts). Rates and conversions in parentheses are left out and ranges count
-- their lower bound, as in story_money_by_entity; figures without an ECB rate are counted, not summed.
create or replace view story_money as
select
    m.story_id,
    s.first_title,
    count(*) as figures,
    sum(m.value_eur) as total_eur,
    sum(m.value_usd) as total_usd,
    count(*) filter (where m.value_eur is null) as figures_without_rate,
    list(distinct m.unit order by m.unit) as currencies,
    min(m.published_date) as first_reported
from story_amounts as m
join stories as s using (story_id)
where m.kind = 'money' and m.per_value is null and m.restates is not true
group by m.story_id, s.first_title;

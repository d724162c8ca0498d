-- Figures with their sentence and article, filtered by kind, unit, an entity of the sentence (its
-- canonical name, accents and case ignored) and a date range ('' or null: any), newest first;
-- each row also carries the totals over every matching figure (not only the rows shown): how
-- many, and their money in euros per article (each article's copy of a figure counts: the story
-- views count a statement once), rates and conversions in parentheses left out, a range at its
-- lower bound. The totals are one aggregate over the
-- matches, joined on: as window functions over every match they cost 3x at 10,000 articles
-- (1.09 s against 0.39 s, benchmarks/dashboard.py) and 20x at 100,000.
with chosen as (
    select
        article_id,
        published_date,
        title,
        outlet,
        amount_no,
        text,
        kind,
        value,
        value_high,
        unit,
        object,
        qualifier,
        value_eur,
        per_value,
        restates,
        sentence,
        sentence_entities
    from amounts_in_context
    where ($kind = '' or kind = $kind)
      and ($unit = '' or unit = $unit)
      and ($entity = '' or len(list_filter(sentence_entities,
                                      e -> strip_accents(lower(e)) = strip_accents(lower(trim($entity))))) > 0)
      and ($since is null or published_date >= $since)
      and ($until is null or published_date <= $until)
),
totals as (
    select
        count(*) as matching,
        sum(value_eur) filter (where per_value is null and not coalesce(restates, false)) as matching_eur,
        count(*) filter (where kind = 'money') as matching_money,
        count(*) filter (where kind = 'money' and value_eur is null) as matching_money_without_rate
    from chosen
)
select chosen.* exclude (per_value, restates), totals.*
from chosen, totals
order by published_date desc nulls last, article_id, amount_no
limit 500

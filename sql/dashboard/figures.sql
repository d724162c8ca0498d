-- Figures with their sentence and article, filtered by kind, unit, an entity of the sentence (its
-- canonical name, accents and case ignored) and
-- a date range ('' or null: any), newest first; each row also carries the totals over every
-- matching figure (computed before the limit): how many, and the money in euros, counted as the
-- money views count it (rates and conversions in parentheses left out, a range at its lower bound).
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
    sentence,
    sentence_entities,
    count(*) over () as matching,
    sum(value_eur) filter (where per_value is null and not coalesce(restates, false)) over () as matching_eur,
    count(*) filter (where kind = 'money') over () as matching_money,
    count(*) filter (where kind = 'money' and value_eur is null) over () as matching_money_without_rate
from amounts_in_context
where ($kind = '' or kind = $kind)
  and ($unit = '' or unit = $unit)
  and ($entity = '' or len(list_filter(sentence_entities,
                                  e -> strip_accents(lower(e)) = strip_accents(lower(trim($entity))))) > 0)
  and ($since is null or published_date >= $since)
  and ($until is null or published_date <= $until)
order by published_date desc nulls last, article_id, amount_no
limit 500

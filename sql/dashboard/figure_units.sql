-- The kinds and units figures come in, most frequent first: the Figures page's filter choices.
select
    kind,
    coalesce(unit, '') as unit,
    count(*) as figures
from amounts
group by all
order by figures desc, kind, unit

-- An entity's type is the vote of its mentions across the warehouse (ties: PER, ORG, LOC, MISC;
-- countries LOC),
-- with its mention and article counts and the dates it was first and last seen.
update entities
set
    label = stats.label,
    mention_count = stats.mention_count,
    article_count = stats.article_count,
    first_seen = stats.first_seen,
    last_seen = stats.last_seen
from (
    with label_votes as (
        select
            entity_id,
            label,
            count(*) as votes,
            row_number() over (
                partition by entity_id
                order by count(*) desc,
                    case label when 'PER' then 0 when 'ORG' then 1 when 'LOC' then 2 else 3 end
            ) as place
        from mentions
        group by entity_id, label
    ),
    counts as (
        select
            m.entity_id,
            count(*) as mention_count,
            count(distinct m.article_id) as article_count,
            min(a.published_date) as first_seen,
            max(a.published_date) as last_seen
        from mentions as m
        join articles as a using (article_id)
        group by m.entity_id
    )
    -- A country is a place whose mentions are also its state acting (ORG): its type is LOC.
    select c.entity_id, case when e.country_code is not null then 'LOC' else v.label end as label,
           c.mention_count, c.article_count, c.first_seen, c.last_seen
    from counts as c
    join label_votes as v on v.entity_id = c.entity_id and v.place = 1
    join entities as e on e.entity_id = c.entity_id
) as stats
where entities.entity_id = stats.entity_id

-- An entity's name is its most frequent spelling among the mentions that write the name itself
-- (not an alias or a short form: the mention's text has the entity's key), accented spellings
-- first on a tie: 13 `Ciudad de México` and one `Ciudad de Mexico` name it `Ciudad de México`,
-- whichever came first. Entities never written in full (`EE.UU.` for `Estados Unidos`) keep theirs.
update entities
set name = spellings.text
from (
    with spelled as (
        select
            m.entity_id,
            m.text,
            count(*) as uses,
            length(regexp_replace(m.text, '[\x00-\x7F]', '', 'g')) as accents
        from mentions as m
        join entities as e using (entity_id)
        where trim(regexp_replace(regexp_replace(regexp_replace(lower(strip_accents(m.text)), '[.''’´`]', '', 'g'),
                                                 '[^a-z0-9_]+', ' ', 'g'), ' +', ' ', 'g')) = e.entity_key
        group by m.entity_id, m.text
    )
    select entity_id, text
    from spelled
    qualify row_number() over (partition by entity_id order by uses desc, accents desc, text) = 1
) as spellings
where entities.entity_id = spellings.entity_id and entities.name <> spellings.text

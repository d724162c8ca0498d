-- A one-word person (`Tokáyev`, `Putin`) from articles that never give the full name is the
-- person whose full name ends in that word (`Kasim-Yomart Tokáyev`), when the warehouse holds
-- exactly one such person: its mentions move to that entity (drop_orphan_entities.sql then
-- removes the one-word entity, in its own transaction: DuckDB checks a foreign key against the
-- state at the start of the transaction).
-- Two candidates (`Trump`: `Donald Trump` and `Ivanka Trump`) leave it alone. Within one
-- article `warehouse/extraction/canonical.py` already does this; this step joins articles.
create or replace temp table short_person_links as
with full_names as (
    select entity_id, string_split(entity_key, ' ')[-1] as last_part
    from entities
    where label = 'PER' and entity_key like '% %'
),
candidates as (
    select s.entity_id as short_id, min(f.entity_id) as full_id, count(*) as matches
    from entities as s
    join full_names as f on f.last_part = s.entity_key
    where s.label = 'PER' and s.entity_key not like '% %'
    group by s.entity_id
)
select short_id, full_id from candidates where matches = 1;

update mentions
set entity_id = links.full_id
from short_person_links as links
where mentions.entity_id = links.short_id;

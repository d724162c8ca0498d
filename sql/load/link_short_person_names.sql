-- A short person name (`Tokáyev`, `Putin`) from articles that never give the full name is the
-- person whose full name ends in that word (`Kasim-Yomart Tokáyev`), when the warehouse holds
-- exactly one such person: its mentions move to that entity (drop_orphan_entities.sql then
-- removes the one-word entity, in its own transaction: DuckDB checks a foreign key against the
-- state at the start of the transaction).
-- Two candidates (`Trump`: `Donald Trump` and `Ivanka Trump`) leave it alone. Within one
-- article `warehouse/extraction/canonical.py` already does this; this step joins articles.
-- Surnames of two words work the same way: `Peña Nieto` is `Enrique Peña Nieto`, `López Obrador`
-- is `Andrés Manuel López Obrador`, when exactly one longer person ends in those words.
-- Links go to `entity_links` (short_id -> full_id); apply_entity_links.sql moves the mentions.
create or replace temp table entity_links as
-- A name of two or more words that begins exactly one longer person is that person too (`José
-- Antonio Meade` is `José Antonio Meade Kuribreña`; `Andrés Manuel` is `Andrés Manuel López
-- Obrador`); a first name alone (`Enrique`) is too common for that, and a generation suffix
-- makes another person (`Donald Trump Jr` is not `Donald Trump`).
with candidates as (
    select s.entity_id as short_id, min(f.entity_id) as full_id, count(*) as matches
    from entities as s
    join entities as f
        on f.entity_key like '% ' || s.entity_key
        or (s.entity_key like '% %' and f.entity_key like s.entity_key || ' %'
            and not regexp_matches(f.entity_key, ' (jr|sr|hijo|padre|ii|iii|iv)$'))
    where s.label = 'PER' and f.label = 'PER'
    group by s.entity_id
)
select short_id, full_id from candidates where matches = 1

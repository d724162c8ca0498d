-- A short person name (`Tokáyev`, `Putin`) from articles that never give the full name is the
-- person whose full name ends in that word (`Kasim-Yomart Tokáyev`), when the warehouse holds
-- one such person, or one far more written about than the others: its mentions move to that entity (drop_orphan_entities.sql then
-- removes the one-word entity, in its own transaction: DuckDB checks a foreign key against the
-- state at the start of the transaction).
-- Of two candidates (`Trump`: `Donald Trump` and `Melania Trump`) the one in five times as many
-- articles as the others together is the one meant; closer than that, it is left alone. A one-word
-- name in more than five times as many articles as its one full name is someone else (`Dios`
-- of twelve articles is not the `Francisco Dios` a model ran together in one). Within one
-- article `warehouse/extraction/canonical.py` already does this; this step joins articles.
-- Surnames of two words work the same way: `Peña Nieto` is `Enrique Peña Nieto`, `López Obrador`
-- is `Andrés Manuel López Obrador`, when exactly one longer person ends in those words.
-- One word that opens another person's full name is a given name, not a surname (`Francisco`
-- of `Francisco Toledo`: the pope is not `Quique San Francisco`); a name that is itself the end
-- of a longer one (`Meade Kuribreña` of `José Antonio Meade Kuribreña`) is a surname, not a
-- full name, and says nothing of its first word.
-- Links go to `entity_links` (short_id -> full_id); apply_entity_links.sql moves the mentions.
create or replace temp table entity_links as
-- A name of two or more words that begins exactly one longer person is that person too (`José
-- Antonio Meade` is `José Antonio Meade Kuribreña`; `Andrés Manuel` is `Andrés Manuel López
-- Obrador`); a first name alone (`Enrique`) is too common for that, and a generation suffix
-- makes another person (`Donald Trump Jr` is not `Donald Trump`).
with given_names as (
    select distinct split_part(p.entity_key, ' ', 1) as word
    from entities as p
    where p.label = 'PER' and p.entity_key like '% %'
        and not exists (select 1 from entities as longer
                        where longer.label = 'PER' and longer.entity_key like '% ' || p.entity_key)
),
pairs as (
    select s.entity_id as short_id, f.entity_id as full_id, s.entity_key like '% %' as several_words
    from entities as s
    join entities as f
        on f.entity_key like '% ' || s.entity_key
        or (s.entity_key like '% %' and f.entity_key like s.entity_key || ' %'
            and not regexp_matches(f.entity_key, ' (jr|sr|hijo|padre|ii|iii|iv)$'))
    where s.label = 'PER' and f.label = 'PER'
        and (s.entity_key like '% %' or s.entity_key not in (select word from given_names))
),
reach as (
    select entity_id, count(distinct article_id) as articles
    from mentions
    where entity_id in (select short_id from pairs union select full_id from pairs)
    group by entity_id
),
ranked as (
    select p.short_id, p.full_id, p.several_words,
        coalesce(f.articles, 0) as articles,
        coalesce(s.articles, 0) as short_articles,
        sum(coalesce(f.articles, 0)) over (partition by p.short_id) as all_articles,
        row_number() over (partition by p.short_id order by coalesce(f.articles, 0) desc, p.full_id) as rank
    from pairs as p
    left join reach as f on f.entity_id = p.full_id
    left join reach as s on s.entity_id = p.short_id
)
select short_id, full_id from ranked
where rank = 1
    and articles >= 5 * (all_articles - articles)
    and (several_words or short_articles <= 5 * greatest(articles, 1))

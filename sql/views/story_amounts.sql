-- Figures counted once per story. A statement is the n-th occurrence of a figure (kind, value,
-- unit) in a paragraph (normalised text) of a story: the same paragraph re-sent in another
-- article of the story adds no statement; two equal figures in one paragraph (`Cove Capital
-- (50 %) y Tau-Ken Samruk (50 %)`) are two. Sums over this view count each reported figure once.
-- A paragraph edited in a correction is another paragraph: its figures are new statements.
-- For per-article questions use amounts_in_context (one row per figure per article).
-- A rate (`per_value` not null) is another statement than the same figure without a denominator;
-- value_eur and value_usd are those of the first article that reported the statement.
-- Kept by each run for the stories it changed (table derived_story_amounts, computed by
-- sql/derived/story_amounts.sql): at a million articles computing it per query took 17 s.
create or replace view story_amounts as
select
    story_id, paragraph_identity, occurrence, kind, value, value_high, unit, per_value, per_unit, text, restates,
    value_eur, value_usd, object, qualifier, published_date, first_article_id, articles
from derived_story_amounts;

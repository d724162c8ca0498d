-- Each figure statement (story_amounts) with the countries it is reported about: those the places
-- named in its paragraph are in (`country_how = 'paragraph'`; a paragraph naming Rusia and
-- Kazajistán gives its figures to both), else its story's dateline country (`'dateline'`), else
-- none (null). One row per statement and country: a sum over one country counts each figure
-- once, a sum over all rows counts a figure once per country it is reported with.
-- Kept by each run for the stories it changed (table derived_story_amounts_by_country, computed
-- by sql/derived/story_amounts_by_country.sql): 16-29 s a query at a million articles otherwise.
create or replace view story_amounts_by_country as
select
    story_id, paragraph_identity, occurrence, kind, value, value_high, unit, per_value, per_unit, text, restates,
    value_eur, value_usd, object, qualifier, published_date, first_article_id, articles, country_code, country_how
from derived_story_amounts_by_country;

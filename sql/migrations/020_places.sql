-- Places (warehouse/extraction/place_resolution.py): each place mention resolved to a country
-- (ISO 3166-1), a first-level region (ISO 3166-2) or a GeoNames city, with the evidence that
-- decided. Rows loaded before this migration have nulls here until `news-warehouse reprocess`
-- re-extracts them (the extractor version changed).

-- One row per place any mention resolved to; the same for every article that names it.
create table places (
    place_id     varchar primary key,  -- `geonames:<geonameid>`, or `iso3166-2:<code>` for a region
    kind         varchar not null,     -- country | region | city | continent
    name         varchar not null,     -- CLDR's Spanish name of a country, ISO's of a region, GeoNames' of a city
    country_code varchar,              -- ISO 3166-1 alpha-2 (null for a continent)
    region_code  varchar,              -- ISO 3166-2 of a region, or of the region a city is in, where known
    admin1_code  varchar,              -- GeoNames' first-level region: `RU.48`
    admin1_name  varchar,              -- its GeoNames name: `Moscow`
    geonameid    integer,              -- null for regions (pycountry's ISO 3166-2 has no GeoNames id)
    latitude     double,               -- a city's own; a country's or region's: its people's mean position
    longitude    double,
    population   bigint                -- GeoNames' (0 for regions)
);

alter table mentions add column place_id varchar;   -- places.place_id, when resolved
-- Why: the rule that resolved it (`country name`, `a national capital`, `in the country or region
-- written after it`, ...) or why not (`2 places so named in 2 countries, no evidence for one`).
-- Null for mentions no place was sought for (PER).
alter table mentions add column place_how varchar;

-- The country of the article's dateline (ISO 3166-1): its own (`dateline`), or, for an article
-- without one, the one most datelines of its story give (`story`: a copy whose scrape lost the
-- dateline, a rewrite that dropped it). Null when neither says.
alter table articles add column country_code varchar;
alter table articles add column country_source varchar;   -- dateline | story

-- GeoNames' first-level regions, for a city's admin1 name and ISO code (seeds/geonames_admin1.csv).
create table ref_geonames_admin1 (
    country_code varchar not null,
    admin1_code  varchar not null,
    name         varchar not null,
    region_code  varchar,
    primary key (country_code, admin1_code)
);

-- Spanish names of countries and regions the packages lack (seeds/place_aliases.csv).
create table ref_place_aliases (
    name  varchar primary key,   -- `Inglaterra`, `Baviera`
    code  varchar not null,      -- ISO 3166-1 alpha-2 or ISO 3166-2
    note  varchar
);

-- Districts of cities that GeoNames lists as cities of their own (seeds/city_districts.csv).
create table ref_city_districts (
    name            varchar not null,   -- `Iztapalapa`
    city_geonameid  integer not null,   -- the city it is a district of
    city            varchar not null,
    primary key (name, city_geonameid)
);

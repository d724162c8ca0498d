-- Aliases that hold in one country's copy only (seeds/regional_aliases.csv,
-- warehouse/extraction/canonical.py): `EU` is Estados Unidos in Mexican outlets and the European
-- Union in Spanish ones, so the alias applies to articles whose outlet is in `country`.
create table ref_regional_aliases (
    alias    varchar not null,
    name     varchar not null,    -- the canonical name (seeds/entities.csv or CLDR)
    country  varchar not null,    -- ISO-3166 alpha-2 of the outlet's country
    primary key (alias, country)
);

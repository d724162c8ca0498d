-- News outlets and their country: the evidence that resolves a bare `$` or `pesos` (a `$` in a
-- Mexican paper is pesos, in a Colombian one Colombian pesos). From seeds/outlets.csv.
create table ref_outlets (
    name     varchar primary key,
    aliases  varchar,             -- `|`-separated other spellings (`El Pais|El país`)
    country  varchar not null     -- ISO-3166 alpha-2
);

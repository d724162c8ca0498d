-- Figures over a denominator, and money in one currency (warehouse/extraction/amounts/rates.py,
-- warehouse/extraction/currency_conversion.py). Rows loaded before this migration have nulls
-- here until `news-warehouse reprocess` re-extracts them (the extractor version changed).

-- A rate: `284 casos por 100.000 habitantes` is 284 `casos` per 100000 `habitantes`. Null for
-- every figure that is not a rate; sums of counts or money leave rows with a per_value out.
alter table amounts add column per_value decimal(38, 6);
alter table amounts add column per_unit varchar;           -- `habitantes`, `minuto`, `acción`, as written
-- A figure in parentheses right after one of its kind converts it (`4.000 millones de dólares (3.400
-- millones de euros)`): true here, and sums leave it out so the amount counts once.
alter table amounts add column restates boolean;

-- Money at the ECB euro reference rate of the article's date (the run date when undated).
alter table amounts add column value_eur decimal(38, 6);
alter table amounts add column value_usd decimal(38, 6);
alter table amounts add column rate_date date;              -- the ECB day the rate is from
alter table amounts add column rate_source varchar;         -- ecb | euro_fixed | euro_fixed+ecb
alter table amounts add column rate_note varchar;           -- what was assumed, or why no value
alter table amounts add column rate_at_run_date boolean;    -- the article is undated: the run date was used

create table ref_fraction_words (
    word         varchar primary key,   -- `quintos` in `dos quintos por ciento`
    denominator  integer not null
);

create table ref_rate_denominators (
    word  varchar primary key,          -- `habitante`, `minuto`: `por habitante` makes a rate
    kind  varchar not null              -- time | person | thing
);

-- Irrevocable euro conversion rates of the currencies the euro replaced.
create table ref_euro_legacy_rates (
    code            varchar primary key,     -- ISO-4217: ESP, DEM, FRF, ...
    units_per_euro  decimal(38, 6) not null, -- 166.386 pesetas = 1 euro
    fixed_on        date not null
);

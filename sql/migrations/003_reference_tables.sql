-- Reference data, reloaded from seeds/<name>.csv into ref_<name> on every run (db.load_seeds).
-- `|`-separated cells are lists (symbols, words, aliases).

create table ref_currencies (
    code        varchar primary key,            -- ISO-4217
    name        varchar not null,
    minor_unit  integer,
    symbols     varchar,
    words       varchar
);

create table ref_units (
    symbol          varchar primary key,
    dimension       varchar not null,
    base_symbol     varchar not null,
    factor_to_base  decimal(38, 12) not null,
    words           varchar
);

create table ref_scale_words (
    word        varchar primary key,
    multiplier  hugeint not null
);

create table ref_number_words (
    word   varchar primary key,
    value  decimal(38, 6) not null
);

create table ref_amount_qualifiers (
    phrase     varchar primary key,
    qualifier  varchar not null
);

create table ref_count_exclusions (
    word    varchar primary key,
    reason  varchar
);

create table ref_agencies (
    name     varchar primary key,
    aliases  varchar
);

create table ref_entities (
    name          varchar primary key,
    label         varchar not null,
    country_code  varchar,
    aliases       varchar
);

create table ref_entity_cue_words (
    word   varchar primary key,
    label  varchar not null
);

create table ref_non_entity_words (
    word    varchar primary key,
    reason  varchar
);

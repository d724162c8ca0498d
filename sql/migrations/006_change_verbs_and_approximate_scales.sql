-- Verbs of change after which `hasta el 12 %` is where the change ended, not an upper limit
-- (seeds/change_verbs.csv: word stems), and collective numerals that only approximate their
-- value (`una treintena de personas` is about thirty): seeds/scale_words.csv `approximate`.
create table ref_change_verbs (
    stem     varchar primary key,
    example  varchar
);

-- DuckDB cannot add a column with a NOT NULL constraint; the seed always fills it.
alter table ref_scale_words add column approximate boolean default false;

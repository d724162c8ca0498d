-- Abbreviations the sentence rules know (seeds/sentence_abbreviations.csv,
-- warehouse/extraction/sentences.py): `title` ones stand before what they qualify and never end a
-- sentence (`Sr.`, `núm.`); `may_end` ones end a sentence when a capital follows (`etc.`, `S.A.`).
create table ref_sentence_abbreviations (
    abbreviation  varchar primary key,
    kind          varchar not null    -- title | may_end
);

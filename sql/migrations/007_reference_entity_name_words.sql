-- Words that type a multi-word name by their place in it: the first (`Ministerio de Salud` ORG,
-- `Río Bravo` LOC, `Ley General de Salud` MISC) or the last (`Cove Capital`, `Pen Test
-- Partners` ORG). From seeds/entity_name_words.csv, used by the entity typer.
create table ref_entity_name_words (
    word      varchar not null,
    position  varchar not null,   -- first | last
    label     varchar not null,
    primary key (word, position)
);

-- Seconds each stage of a run took, for benchmarks and for finding what limits a run.
-- Extraction stages (ner, entity_rules, canonicalisation, figures) are summed over worker
-- processes; the others (read, load, finish, waiting for extraction) are the flow's wall time;
-- `load_insert` is the time of the Arrow insert statements alone, `load_rows` (a count, not
-- seconds) the staging rows they were given.
create table run_stages (
    run_id   varchar not null,
    stage    varchar not null,
    seconds  double not null,
    primary key (run_id, stage)
);

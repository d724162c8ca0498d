-- The star schema: one row per unique article, canonical entities, and the facts pointing at them.
-- Offsets (start_char, end_char) are Python string indices into articles.body:
-- substring(body, start_char + 1, end_char - start_char) = text.

create table articles (
    article_id        varchar primary key,      -- sha256 of normalised title + body
    title             varchar,                  -- null when the delivery had none
    body              varchar not null,
    published_date    date,                     -- null when unknown
    dateline_place    varchar,                  -- `Moscú` in `Moscú, 11 nov (EFE).-`
    agency            varchar,                  -- from the dateline or the closing signature
    outlet            varchar,                  -- newspaper named by the delivery (JSONL `source`)
    url               varchar,
    source_ref        varchar,                  -- the delivery's own id (JSONL `id`)
    source_path       varchar not null,         -- first delivery: file path relative to the inbox
    source_position   integer not null,         -- first delivery: 0-based article index in the file
    char_count        integer not null,
    run_id            varchar not null,         -- run that first loaded it
    extractor_version varchar not null,
    loaded_at         timestamptz not null default current_timestamp
);

create table entities (
    entity_id      varchar primary key,         -- first 16 hex of sha256(entity_key)
    entity_key     varchar not null unique,     -- accent-, case- and punctuation-insensitive name
    name           varchar not null,            -- canonical name (`Vladímir Putin`)
    label          varchar not null check (label in ('PER', 'ORG', 'LOC', 'MISC')),
    country_code   varchar,                     -- ISO-3166 alpha-2 for countries
    mention_count  integer not null default 0,
    article_count  integer not null default 0,
    first_seen     date,                        -- earliest published_date among its articles
    last_seen      date
);

create table mentions (
    article_id        varchar not null references articles (article_id),
    mention_no        integer not null,         -- 0-based, in text order
    entity_id         varchar not null references entities (entity_id),
    start_char        integer not null,
    end_char          integer not null,
    text              varchar not null,         -- surface form as written (`Putin`)
    label             varchar not null check (label in ('PER', 'ORG', 'LOC', 'MISC')),
    sentence_no       integer not null,         -- 0-based sentence index in the body
    extractor_version varchar not null,
    primary key (article_id, mention_no)
);

create table amounts (
    article_id        varchar not null references articles (article_id),
    amount_no         integer not null,         -- 0-based, in text order
    start_char        integer not null,
    end_char          integer not null,
    text              varchar not null,         -- `casi 30.000 millones de dólares`
    kind              varchar not null check (kind in ('money', 'percent', 'quantity', 'count')),
    value             decimal(38, 6) not null,  -- exact, in the unit's main denomination
    value_high        decimal(38, 6),           -- upper bound of a range, else null
    unit              varchar,                  -- ISO-4217 code, '%', 'pp', unit symbol; null for counts
    object            varchar,                  -- what is counted or measured, when the text says it
    qualifier         varchar check (qualifier in ('approx', 'more_than', 'less_than', 'at_least', 'at_most', 'up_to')),
    unit_inferred     boolean not null default false,  -- unit resolved from context (a bare `$`)
    sentence_no       integer not null,
    extractor_version varchar not null,
    primary key (article_id, amount_no)
);

-- Every delivery of an article: the same article in two files is one article with two deliveries.
create table deliveries (
    article_id    varchar not null references articles (article_id),
    source_path   varchar not null,
    position      integer not null,
    run_id        varchar not null,
    delivered_at  timestamptz not null default current_timestamp,
    primary key (article_id, source_path, position)
);

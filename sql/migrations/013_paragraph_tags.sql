-- The model's output per paragraph (warehouse/extraction/paragraph_tags.py), so a paragraph the wire sends
-- again is not tagged again, in this run or a later one. Keyed by the extractor version: a new
-- model, tokenizer rule or seed starts afresh (rows of old versions can be deleted at will).
create table paragraph_tags (
    paragraph_hash     varchar not null,   -- sha256 of the paragraph's exact text
    extractor_version  varchar not null,
    tags               varchar not null,   -- JSON [words, spaces, sentence starts, IOB entity tags]
    primary key (paragraph_hash, extractor_version)
);

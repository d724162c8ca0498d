-- Where each sentence of an article is, so SQL can show the sentence a figure or a mention is in
-- (`amounts_in_context.sentence`). `sentence_no` of mentions and amounts indexes it. Articles
-- extracted before this migration get theirs from `news-warehouse reprocess` (the extractor
-- version changed with it). No keys, like the other per-article fact tables (migration 014):
-- the loader writes an article's sentences in the transaction that stores the article.
create table article_sentences (
    article_id  varchar not null,   -- articles.article_id
    sentence_no integer not null,   -- 0-based, in order
    start_char  integer not null,   -- Python string offsets into articles.body, like mentions'
    end_char    integer not null    -- the sentence without the whitespace after it
);

-- Articles deleted with `news-warehouse delete` (a withdrawn or retracted article): what was
-- deleted, when and why. A run never loads an article listed here again, even when its file is
-- delivered again or changes, so a retraction sticks; delete its row to allow it back.
create table article_retractions (
    article_id   varchar primary key,  -- the deleted article's id (sha256 of its text)
    title        varchar,              -- its title, for the record
    source_path  varchar,              -- the file it was first delivered in
    published_date date,
    retracted_at timestamp with time zone not null default current_timestamp,
    reason       varchar               -- as given to `delete --reason`, else null
);

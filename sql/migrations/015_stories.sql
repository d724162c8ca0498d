-- Stories (warehouse/stories/): which articles tell the same story, and which paragraphs repeat.
-- Filled by the run after each batch is loaded, for every article whose story_id is null: the
-- articles of this batch, and on an upgraded warehouse every earlier article, oldest first.

alter table articles add column story_id varchar;            -- article_id of the story's first article
alter table articles add column closest_article_id varchar;  -- the earlier article it was matched with
alter table articles add column story_similarity double;     -- their estimated containment (0-1)

-- Every paragraph of every article, with the identity of its normalised text: the same paragraph
-- sent in two articles has one identity.
create table article_paragraphs (
    article_id          varchar not null,   -- articles.article_id
    paragraph_no        integer not null,   -- 0-based, in body order
    start_char          integer not null,   -- body offsets, as mentions and amounts have
    end_char            integer not null,
    paragraph_identity  varchar not null,   -- sha256 of the normalised text
    primary key (article_id, paragraph_no)
);

-- What matching a later article needs of this one (MinHash of its word shingles).
create table article_sketches (
    article_id              varchar primary key,
    signature               blob not null,       -- uint32 little-endian, one per permutation
    shingle_count           integer not null,
    distinctive_paragraphs  varchar[] not null,  -- identities of its long paragraphs
    story_settings          varchar not null     -- settings the sketch was made with
);

-- The lookup index: an article is compared only with the earlier articles sharing a key (an LSH
-- band of its signature, or a long paragraph). Keys are 64-bit hashes of the key text.
create table story_keys (
    lookup_key  bigint not null,
    article_id  varchar not null
);

-- Which paragraph each mention and amount is in (article_paragraphs.paragraph_no).
alter table mentions add column paragraph_no integer;
alter table amounts add column paragraph_no integer;

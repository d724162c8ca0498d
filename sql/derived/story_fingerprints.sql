-- Per story, a fingerprint of everything the derived story tables are computed from: its articles'
-- rows, their figures, paragraphs and mentions (entity and place ids: linking changes them).
-- `story_key`: the story id, '' for articles not yet placed. A story whose fingerprint changed, appeared or went is computed again; the rest are
-- kept. Sums of row hashes: the order rows were stored in does not matter; each row's hash holds
-- its article, so a figure moved from one article of a story to another changes the sum. Every
-- column a derived story table reads is hashed (a column left out would leave a story stale
-- after an in-place change of it, as a re-extraction that moves a figure to another sentence).
with figure_hashes as (
    select
        article_id,
        sum(hash(article_id, amount_no, text, kind, value, value_high, unit, object, qualifier, per_value,
                 per_unit, restates, value_eur, value_usd, paragraph_no, sentence_no, start_char)) as h
    from amounts
    group by article_id
),
mention_hashes as (
    select article_id, sum(hash(article_id, mention_no, entity_id, place_id, sentence_no, paragraph_no)) as h
    from mentions
    group by article_id
),
paragraph_hashes as (
    select article_id, sum(hash(article_id, paragraph_no, paragraph_identity)) as h
    from article_paragraphs
    group by article_id
)
select
    coalesce(a.story_id, '') as story_key,
    sum(hash(a.article_id, a.title, a.published_date, a.loaded_at, a.source_path, a.source_position,
             a.country_code)::hugeint
        + coalesce(f.h, 0) + coalesce(p.h, 0) + coalesce(g.h, 0)) as fingerprint
from articles as a
left join figure_hashes as f using (article_id)
left join paragraph_hashes as p using (article_id)
left join mention_hashes as g using (article_id)
group by 1

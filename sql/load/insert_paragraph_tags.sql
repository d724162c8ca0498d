-- Written without `insert or ignore` (it needs an enforced key): the same SQL runs on the
-- DuckLake layout, which has none (README, "Layouts").
insert into paragraph_tags (paragraph_hash, extractor_version, tags)
select paragraph_hash, extractor_version, tags
from batch_paragraph_tags as b
where not exists (select 1 from paragraph_tags as t
                  where t.paragraph_hash = b.paragraph_hash and t.extractor_version = b.extractor_version)
qualify row_number() over (partition by paragraph_hash, extractor_version) = 1

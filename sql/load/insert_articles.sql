-- Written without `insert or ignore` (it needs an enforced key): the same SQL runs on the
-- DuckLake layout, which has none (README, "Layouts").
insert into articles (
    article_id, title, body, published_date, dateline_place, agency, outlet, url, source_ref,
    source_path, source_position, char_count, run_id, extractor_version, language, country_code,
    country_source
)
select
    article_id, title, body, published_date, dateline_place, agency, outlet, url, source_ref,
    source_path, source_position, char_count, run_id, extractor_version, language, country_code,
    case when country_code is not null then 'dateline' end
from batch_articles as b
where not exists (select 1 from articles as a where a.article_id = b.article_id)
qualify row_number() over (partition by article_id) = 1

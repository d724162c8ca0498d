insert or ignore into articles (
    article_id, title, body, published_date, dateline_place, agency, outlet, url, source_ref,
    source_path, source_position, char_count, run_id, extractor_version, language, country_code,
    country_source
)
select
    article_id, title, body, published_date, dateline_place, agency, outlet, url, source_ref,
    source_path, source_position, char_count, run_id, extractor_version, language, country_code,
    case when country_code is not null then 'dateline' end
from batch_articles
-- The ids this statement stored: their mentions and amounts follow in the same transaction.
returning article_id

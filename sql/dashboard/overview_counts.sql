-- The Overview page's headline: what the published state holds, and when it was published.
select
    (select count(*) from article_overview) as articles,
    (select count(*) from top_entities_by_type) as entities,
    (select coalesce(sum(mentions), 0)::bigint from article_overview) as mentions,
    (select coalesce(sum(amounts), 0)::bigint from article_overview) as figures,
    (select count(*) from stories where articles > 1) as multi_article_stories,
    (select max(published_at) from publications) as published_at

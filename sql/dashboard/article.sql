-- One article: what it is, its text and its story.
select
    a.article_id,
    a.title,
    a.published_date,
    a.outlet,
    a.agency,
    a.dateline_place,
    a.url,
    a.source_path,
    a.body,
    a.story_id,
    s.articles as story_articles,
    s.first_title as story_title
from articles a
left join stories s using (story_id)
where a.article_id = $article_id

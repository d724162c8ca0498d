-- `news-warehouse search`: the best-ranked articles for $search_text (sql/macros/search_articles.sql),
-- filtered by date ($since, $until: inclusive; an article without a date passes only when
-- neither is given) and outlet ($outlet, whatever its case and accents: `el pais` is `El País`), with every word required when $all_words.
-- With $one_per_story, each story (a wire article and its re-sends and rewrites) appears once,
-- as its best-ranked article, with how many of its articles matched.
with hits as (
    select h.*, a.published_date, a.outlet, a.title, a.url, a.body, a.story_id
    from search_articles($search_text) h
    join articles a using (article_id)
    where ($since is null or a.published_date >= cast($since as date))
      and ($until is null or a.published_date <= cast($until as date))
      and ($outlet is null or strip_accents(lower(a.outlet)) = strip_accents(lower($outlet)))
      and (not $all_words or h.words_matched = h.words_searched)
),
ranked as (
    select *,
           count(*) over story as story_matches,
           row_number() over (story order by score desc, article_id) as rank_in_story
    from hits
    window story as (partition by coalesce(story_id, article_id))
)
select article_id, score, words_matched, words_searched, published_date, outlet, title, url, body,
       story_id, story_matches
from ranked
where not $one_per_story or rank_in_story = 1
order by score desc, published_date desc nulls last, article_id
limit $limit

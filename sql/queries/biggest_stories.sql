-- Biggest stories: the wire stories carried by most articles (copies and rewrites), with their span.
-- param limit INTEGER 20: how many stories
-- param min_articles INTEGER 2: only stories of at least this many articles
SELECT
    s.story_id,
    s.n_articles,
    count(DISTINCT coalesce(a.agency, a.article_id))    AS n_outlets,
    s.first_published,
    max(a.published_date)                               AS last_published,
    s.representative_article_id,
    s.title
FROM stories AS s
JOIN articles AS a USING (story_id)
WHERE s.n_articles >= $min_articles
GROUP BY ALL
ORDER BY s.n_articles DESC, s.first_published NULLS LAST, s.story_id
LIMIT $limit;

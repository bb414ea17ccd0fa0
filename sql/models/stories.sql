-- Stories from articles.story_id. The representative is the story's root article (the one whose id the
-- story_id hashes); when the root was re-processed into another story, the earliest remaining member.
-- The title is the representative's, else the earliest member's that has one (a wire copy often has none).
INSERT INTO stories
WITH members AS (
    SELECT
        story_id,
        count(*)                   AS n_articles,
        min(published_date)        AS first_published,
        coalesce(
            min(article_id) FILTER (WHERE substr(md5(article_id), 1, 16) = story_id),
            arg_min(article_id, (coalesce(published_date, DATE '9999-12-31'), article_id))
        )                          AS representative_article_id,
        arg_min(title, (coalesce(published_date, DATE '9999-12-31'), article_id))
            FILTER (WHERE title IS NOT NULL AND title <> '') AS first_title
    FROM articles
    WHERE story_id IS NOT NULL
    GROUP BY story_id
)
SELECT m.story_id, m.n_articles, m.first_published, m.representative_article_id,
       coalesce(nullif(a.title, ''), m.first_title) AS title
FROM members AS m
JOIN articles AS a ON a.article_id = m.representative_article_id;

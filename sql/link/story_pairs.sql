-- Story candidates: pairs (new article, other article) sharing enough story keys to pass the first test of
-- verify() in wirehouse/link/stories.py (the same body, or at least $min_shared keys making at least
-- $min_containment of the shorter body's keys), with the figures to verify them. Filtering here, not in
-- pandas, keeps a run's pairs small: 100,000 bench articles share keys in 15 M pairs, of which 0.47 M pass.
-- new_keys: the run's story_keys rows; other_keys: rows of the articles to compare with (the run's own, or
-- the stored articles found through story_sample), both registered by wirehouse/link/stories.py.
-- The join counts keys per pair and nothing else; each article's figures are joined to the pairs after. With
-- the figures carried through the count (any_value of four columns per pair), 100,000 files copied into a
-- warehouse holding them (3.6 M pairs sharing a key: Reuters' earnings tables share template 5-grams) failed
-- at the run's 512 MB cap; counted alone, the same pairs took 1.4 s instead of 1.7-2.0 s with 4 GB.
WITH shared AS (
    SELECT n.article_id, o.article_id AS other_article_id, count(*) AS shared
    FROM new_keys AS n
    JOIN other_keys AS o ON n.key = o.key AND n.article_id <> o.article_id
    GROUP BY n.article_id, o.article_id
),
new_articles AS (
    SELECT article_id, any_value(n_keys) AS n_keys, any_value(body_hash) AS body_hash
    FROM new_keys
    GROUP BY article_id
),
other_articles AS (
    SELECT article_id, any_value(n_keys) AS n_keys, any_value(body_hash) AS body_hash, any_value(story_id) AS story_id
    FROM other_keys
    GROUP BY article_id
)
SELECT
    s.article_id,
    s.other_article_id,
    s.shared,
    n.n_keys,
    o.n_keys                     AS other_n_keys,
    n.body_hash = o.body_hash    AS same_body,
    o.story_id                   AS other_story_id
FROM shared AS s
JOIN new_articles AS n ON n.article_id = s.article_id
JOIN other_articles AS o ON o.article_id = s.other_article_id
WHERE n.body_hash = o.body_hash
   OR (s.shared >= $min_shared AND s.shared / greatest(least(n.n_keys, o.n_keys), 1) >= $min_containment);

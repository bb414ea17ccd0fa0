-- Story candidates: pairs (new article, other article) sharing enough story keys to pass the first test of
-- verify() in wirehouse/link/stories.py (the same body, or at least $min_shared keys making at least
-- $min_containment of the shorter body's keys), with the figures to verify them. Filtering here, not in
-- pandas, keeps a run's pairs small: 100,000 bench articles share keys in 15 M pairs, of which 0.47 M pass.
-- shared_keys: the pairs and their shared keys (shared_keys.sql); new_keys, other_keys: their key rows.
WITH new_articles AS (
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
FROM shared_keys AS s
JOIN new_articles AS n ON n.article_id = s.article_id
JOIN other_articles AS o ON o.article_id = s.other_article_id
WHERE n.body_hash = o.body_hash
   OR (s.shared >= $min_shared AND s.shared / greatest(least(n.n_keys, o.n_keys), 1) >= $min_containment);

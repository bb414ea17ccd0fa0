-- Story candidates: pairs (new article, other article) sharing enough story keys to pass the first test of
-- verify() in wirehouse/link/stories.py (the same body, or at least $min_shared keys making at least
-- $min_containment of the shorter body's keys), with the figures to verify them. Filtering here, not in
-- pandas, keeps a run's pairs small: 100,000 bench articles share keys in 15 M pairs, of which 0.47 M pass.
-- new_keys: the run's story_keys rows; other_keys: rows of the articles to compare with (the run's own, or
-- the stored articles found through story_sample), both registered by wirehouse/link/stories.py.
SELECT
    n.article_id,
    o.article_id                                      AS other_article_id,
    count(*)                                          AS shared,
    any_value(n.n_keys)                               AS n_keys,
    any_value(o.n_keys)                               AS other_n_keys,
    any_value(n.body_hash) = any_value(o.body_hash)   AS same_body,
    any_value(o.story_id)                             AS other_story_id
FROM new_keys AS n
JOIN other_keys AS o ON n.key = o.key AND n.article_id <> o.article_id
GROUP BY n.article_id, o.article_id
HAVING any_value(n.body_hash) = any_value(o.body_hash)
    OR (count(*) >= $min_shared
        AND count(*) / greatest(least(any_value(n.n_keys), any_value(o.n_keys)), 1) >= $min_containment);

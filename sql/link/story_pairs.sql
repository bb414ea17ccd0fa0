-- Story candidates: pairs (new article, other article) sharing a story key, with the figures to verify them.
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
GROUP BY n.article_id, o.article_id;

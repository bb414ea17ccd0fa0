-- Story candidates among a run's own new articles (both directions; the caller keeps the earlier one).
-- new_keys: the run's story_keys rows (an Arrow table registered by wirehouse/link/stories.py).
SELECT
    n.article_id,
    o.article_id                                      AS other_article_id,
    count(*)                                          AS shared,
    any_value(n.n_keys)                               AS n_keys,
    any_value(o.n_keys)                               AS other_n_keys,
    any_value(n.body_hash) = any_value(o.body_hash)   AS same_body,
    NULL::VARCHAR                                     AS other_story_id
FROM new_keys AS n
JOIN new_keys AS o ON n.key = o.key AND n.article_id <> o.article_id
GROUP BY n.article_id, o.article_id;

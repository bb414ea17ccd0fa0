-- Story candidates of a run's new articles in the stored index: pairs sharing at least one sampled key.
-- new_keys: the run's story_keys rows (an Arrow table registered by wirehouse/link/stories.py);
-- $stored: the published snapshot's story_keys parts; $excluded: ids whose stored rows this run replaces.
WITH stored AS (
    SELECT article_id, key, n_keys, body_hash, story_id
    FROM read_parquet($stored)
    WHERE key IN (SELECT key FROM new_keys)
)
SELECT
    n.article_id,
    s.article_id                                      AS other_article_id,
    count(*)                                          AS shared,
    any_value(n.n_keys)                               AS n_keys,
    any_value(s.n_keys)                               AS other_n_keys,
    any_value(n.body_hash) = any_value(s.body_hash)   AS same_body,
    any_value(s.story_id)                             AS other_story_id
FROM new_keys AS n
JOIN stored AS s USING (key)
WHERE s.article_id NOT IN (SELECT unnest($excluded::VARCHAR[]))
GROUP BY n.article_id, s.article_id;

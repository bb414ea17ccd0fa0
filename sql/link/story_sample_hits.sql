-- Stored articles sharing a key of the coarse tier (story_sample) with a new article: the only scan of the
-- stored story index a run makes. new_keys: the run's story_keys rows (registered by wirehouse/link/stories.py);
-- $sample: the published story_sample parts; $excluded: article ids whose stored rows this run replaces.
WITH hits AS (
    SELECT article_id, key, n_keys, coalesce(CAST(body_hash AS VARCHAR), article_id) AS body
    FROM read_parquet($sample, union_by_name = true)  -- parts written before 8 Dec 2026 have no body_hash
    WHERE key IN (SELECT key FROM new_keys)
),
common AS (  -- boilerplate keys (see shared_keys.sql): held by more than $max_holders stored bodies (copies once)
    SELECT key FROM hits GROUP BY key HAVING count(DISTINCT body) > $max_holders
)
SELECT
    n.article_id,
    h.article_id            AS other_article_id,
    count(*)                AS shared_sample,
    any_value(n.n_keys)     AS n_keys,
    any_value(h.n_keys)     AS other_n_keys
FROM new_keys AS n
JOIN hits AS h USING (key)
WHERE h.article_id NOT IN (SELECT unnest($excluded::VARCHAR[]))
  AND h.key NOT IN (SELECT key FROM common)
GROUP BY n.article_id, h.article_id;

-- Cluster candidates of a run's new quotes in the stored quote index: pairs sharing a window or whole text.
-- new_keys: the run's quote_keys rows (registered Arrow table, wirehouse/link/quotes.py);
-- $stored: the published snapshot's quote_keys parts; $excluded: article ids whose stored rows this run replaces.
WITH stored AS (
    SELECT article_id, quote_id, key, n_windows, text_hash, cluster_id
    FROM read_parquet($stored)
    WHERE key IN (SELECT key FROM new_keys)
)
SELECT
    n.quote_id,
    s.quote_id                                        AS other_quote_id,
    count(*)                                          AS shared,
    any_value(n.n_windows)                            AS n_windows,
    any_value(s.n_windows)                            AS other_n_windows,
    any_value(n.text_hash) = any_value(s.text_hash)   AS same_text,
    any_value(s.cluster_id)                           AS other_cluster_id
FROM new_keys AS n
JOIN stored AS s USING (key)
WHERE s.article_id NOT IN (SELECT unnest($excluded::VARCHAR[]))
GROUP BY n.quote_id, s.quote_id;

-- The stored quote_keys rows sharing a key with the run's new quotes (new_keys, registered by
-- wirehouse/link/quotes.py); $stored: the published quote_keys parts; $excluded: article ids this run replaces.
SELECT article_id, quote_id, key, n_windows, text_hash, cluster_id
FROM read_parquet($stored)
WHERE key IN (SELECT key FROM new_keys)
  AND article_id NOT IN (SELECT unnest($excluded::VARCHAR[]));

-- Cluster candidates: pairs (new quote, other quote) sharing a window or the whole text, filtered by the
-- test of cluster_quotes() in wirehouse/link/quotes.py (the same text, or shared windows making at least
-- $min_shared_windows of the shorter quote's), with the figures to rank them.
-- shared_keys: the pairs and their shared windows (shared_keys.sql); new_keys, other_keys: their key rows.
WITH new_quotes AS (
    SELECT quote_id, any_value(n_windows) AS n_windows, any_value(text_hash) AS text_hash
    FROM new_keys
    GROUP BY quote_id
),
other_quotes AS (
    SELECT quote_id, any_value(n_windows) AS n_windows, any_value(text_hash) AS text_hash,
           any_value(cluster_id) AS cluster_id
    FROM other_keys
    GROUP BY quote_id
)
SELECT
    s.quote_id,
    s.other_quote_id,
    s.shared,
    n.n_windows,
    o.n_windows                  AS other_n_windows,
    n.text_hash = o.text_hash    AS same_text,
    o.cluster_id                 AS other_cluster_id
FROM shared_keys AS s
JOIN new_quotes AS n ON n.quote_id = s.quote_id
JOIN other_quotes AS o ON o.quote_id = s.other_quote_id
WHERE n.text_hash = o.text_hash
   OR (least(n.n_windows, o.n_windows) > 0 AND s.shared >= $min_shared_windows * least(n.n_windows, o.n_windows));

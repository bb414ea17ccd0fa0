-- Cluster candidates among a run's own new quotes (both directions; the caller keeps the earlier one).
-- new_keys: the run's quote_keys rows (registered Arrow table, wirehouse/link/quotes.py).
SELECT
    n.quote_id,
    o.quote_id                                        AS other_quote_id,
    count(*)                                          AS shared,
    any_value(n.n_windows)                            AS n_windows,
    any_value(o.n_windows)                            AS other_n_windows,
    any_value(n.text_hash) = any_value(o.text_hash)   AS same_text,
    NULL::VARCHAR                                     AS other_cluster_id
FROM new_keys AS n
JOIN new_keys AS o ON n.key = o.key AND n.quote_id <> o.quote_id
GROUP BY n.quote_id, o.quote_id;

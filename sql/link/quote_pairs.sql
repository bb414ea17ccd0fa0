-- Cluster candidates: pairs (new quote, other quote) sharing a window or the whole text, filtered by the
-- test of cluster_quotes() in wirehouse/link/quotes.py (the same text, or shared windows making at least
-- $min_shared_windows of the shorter quote's), with the figures to rank them.
-- new_keys: the run's quote_keys rows; other_keys: the run's own rows or the matching stored ones (both
-- registered by wirehouse/link/quotes.py).
SELECT
    n.quote_id,
    o.quote_id                                        AS other_quote_id,
    count(*)                                          AS shared,
    any_value(n.n_windows)                            AS n_windows,
    any_value(o.n_windows)                            AS other_n_windows,
    any_value(n.text_hash) = any_value(o.text_hash)   AS same_text,
    any_value(o.cluster_id)                           AS other_cluster_id
FROM new_keys AS n
JOIN other_keys AS o ON n.key = o.key AND n.quote_id <> o.quote_id
GROUP BY n.quote_id, o.quote_id
HAVING any_value(n.text_hash) = any_value(o.text_hash)
    OR (least(any_value(n.n_windows), any_value(o.n_windows)) > 0
        AND count(*) >= $min_shared_windows * least(any_value(n.n_windows), any_value(o.n_windows)));

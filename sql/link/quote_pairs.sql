-- Cluster candidates: pairs (new quote, other quote) sharing a window or the whole text, filtered by the
-- test of cluster_quotes() in wirehouse/link/quotes.py (the same text, or shared windows making at least
-- $min_shared_windows of the shorter quote's), with the figures to rank them.
-- new_keys: the run's quote_keys rows; other_keys: the run's own rows or the matching stored ones (both
-- registered by wirehouse/link/quotes.py).
-- The join counts keys per pair and nothing else; each quote's figures are joined to the pairs after (as in
-- story_pairs.sql: carried through the count, they made the aggregate too big for the run's memory cap).
WITH shared AS (
    SELECT n.quote_id, o.quote_id AS other_quote_id, count(*) AS shared
    FROM new_keys AS n
    JOIN other_keys AS o ON n.key = o.key AND n.quote_id <> o.quote_id
    GROUP BY n.quote_id, o.quote_id
),
new_quotes AS (
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
FROM shared AS s
JOIN new_quotes AS n ON n.quote_id = s.quote_id
JOIN other_quotes AS o ON o.quote_id = s.other_quote_id
WHERE n.text_hash = o.text_hash
   OR (least(n.n_windows, o.n_windows) > 0 AND s.shared >= $min_shared_windows * least(n.n_windows, o.n_windows));

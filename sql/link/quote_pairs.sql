-- Cluster candidates: pairs (new quote, other quote) sharing a window or the whole text, filtered by the
-- test of cluster_quotes() in wirehouse/link/quotes.py (the same text, or shared windows making at least
-- $min_shared_windows of the shorter quote's), with the figures to rank them.
-- new_keys: the run's quote_keys rows; other_keys: the run's own rows or the matching stored ones (both
-- registered by wirehouse/link/quotes.py).
-- The join counts keys per pair and nothing else; each quote's figures are joined to the pairs after (as in
-- story_pairs.sql: carried through the count, they made the aggregate too big for the run's memory cap).
-- A window held by more than $max_key_quotes of the other side's quotes is a stock phrase ("we do not comment
-- on market rumours"): it makes no pair, as a story key held by too many articles makes none (story_pairs.sql).
WITH common AS (  -- stock phrases: windows held by more than $max_key_quotes of the quotes compared with
    SELECT key FROM other_keys GROUP BY key HAVING count(*) > $max_key_quotes
),
shared_rare AS (  -- the pairs sharing a window that is not common: the candidates
    SELECT n.quote_id, o.quote_id AS other_quote_id, count(*) AS shared
    FROM new_keys AS n
    JOIN other_keys AS o ON n.key = o.key AND n.quote_id <> o.quote_id
    WHERE n.key NOT IN (SELECT key FROM common)
    GROUP BY n.quote_id, o.quote_id
),
new_common AS (SELECT quote_id, key FROM new_keys WHERE key IN (SELECT key FROM common)),
other_common AS (SELECT quote_id, key FROM other_keys WHERE key IN (SELECT key FROM common)),
shared_common AS (  -- the common windows the candidates also share, so that `shared` counts every one
    SELECT s.quote_id, s.other_quote_id, count(*) AS shared
    FROM new_common AS n
    JOIN shared_rare AS s ON s.quote_id = n.quote_id
    JOIN other_common AS o ON o.quote_id = s.other_quote_id AND o.key = n.key
    GROUP BY s.quote_id, s.other_quote_id
),
shared AS (
    SELECT s.quote_id, s.other_quote_id, s.shared + coalesce(c.shared, 0) AS shared
    FROM shared_rare AS s
    LEFT JOIN shared_common AS c USING (quote_id, other_quote_id)
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

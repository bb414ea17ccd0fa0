-- Every new item (article or quote) of a run with the first copy of its text: the smallest id among the items
-- with its hash (body_hash or text_hash). Items with one hash have the same keys, so the key join runs on first
-- copies only (wirehouse/link/copies.py). items: the run's key rows, columns renamed by copies.py.
SELECT
    item,
    min(item) OVER (PARTITION BY hash)  AS first_copy,
    n_keys,
    n_rows,
    group_id
FROM (
    SELECT
        item,
        any_value(hash)      AS hash,
        any_value(n_keys)    AS n_keys,
        count(*)             AS n_rows,  -- the keys two copies share (a quote's windows and its whole text)
        any_value(group_id)  AS group_id
    FROM items
    GROUP BY item
)
ORDER BY item;

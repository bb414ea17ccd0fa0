-- Every new item (article or quote) of a run with the first copy of its text: the smallest id among the items
-- with its hash (body_hash or text_hash). Items with one hash have the same keys, so the key join runs on first
-- copies only (wirehouse/link/copies.py). run_keys: the run's key rows (a view over its staged parts); {item}, {hash},
-- {n_keys}, {group}: its columns for the kind of item (copies.py's Names, from code).
CREATE OR REPLACE TEMP TABLE members AS
SELECT
    item,
    min(item) OVER (PARTITION BY hash)  AS first_copy,
    n_keys,
    n_rows,
    group_id
FROM (
    SELECT
        {item}               AS item,
        any_value({hash})    AS hash,
        any_value({n_keys})  AS n_keys,
        count(*)             AS n_rows,  -- the keys two copies share (a quote's windows and its whole text)
        any_value({group})   AS group_id
    FROM run_keys
    GROUP BY {item}
);

-- The key rows of the first copies: the only rows the pairs SQL joins.
CREATE OR REPLACE TEMP TABLE firsts AS
SELECT * FROM run_keys WHERE {item} IN (SELECT item FROM members WHERE item = first_copy);

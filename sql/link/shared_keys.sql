-- The pairs of items sharing keys, with how many they share: the candidates that story_pairs.sql and
-- quote_pairs.sql join each item's figures to and filter. {item} (article_id | quote_id) comes from code;
-- new_keys: the run's key rows (first copies); other_keys: the rows to compare with (the run's own, or the
-- stored ones found), both registered by wirehouse/link/copies.py.
-- A key held by more than $max_holders of the other side's texts ({hash}: copies of one text count once, or a
-- page stored 2,000 times would stop finding its copies) is boilerplate (a site's footer under every article,
-- a stock phrase such as "we do not comment on market rumours"): it makes no pair, but a pair found through
-- other keys counts it. Its k holders made k * k rows: 8,000 articles under one footer took the link
-- step 12.8 s (1.2 s without it).
-- Only the keys are counted here; the figures are joined to the pairs after. Carried through the count
-- (any_value of four columns per pair), 100,000 files copied into a warehouse holding them (3.6 M pairs
-- sharing a key: Reuters' earnings tables share template 5-grams) failed at the run's 512 MB cap; counted
-- alone, the same pairs took 1.4 s instead of 1.7-2.0 s with 4 GB.
CREATE OR REPLACE TEMP TABLE shared_keys AS
WITH common AS (
    SELECT key FROM other_keys GROUP BY key HAVING count(DISTINCT {hash}) > $max_holders
),
shared_rare AS (  -- the pairs sharing a key that is not common
    SELECT n.{item}, o.{item} AS other_{item}, count(*) AS shared
    FROM new_keys AS n
    JOIN other_keys AS o ON n.key = o.key AND n.{item} <> o.{item}
    WHERE n.key NOT IN (SELECT key FROM common)
    GROUP BY n.{item}, o.{item}
),
new_common AS (SELECT {item}, key FROM new_keys WHERE key IN (SELECT key FROM common)),
other_common AS (SELECT {item}, key FROM other_keys WHERE key IN (SELECT key FROM common)),
shared_common AS (  -- the common keys those pairs also share (filtered first: few items hold any)
    SELECT s.{item}, s.other_{item}, count(*) AS shared
    FROM new_common AS n
    JOIN shared_rare AS s ON s.{item} = n.{item}
    JOIN other_common AS o ON o.{item} = s.other_{item} AND o.key = n.key
    GROUP BY s.{item}, s.other_{item}
)
SELECT s.{item}, s.other_{item}, s.shared + coalesce(c.shared, 0) AS shared
FROM shared_rare AS s
LEFT JOIN shared_common AS c USING ({item}, other_{item});

-- Story candidates: pairs (new article, other article) sharing enough story keys to pass the first test of
-- verify() in wirehouse/link/stories.py (the same body, or at least $min_shared keys making at least
-- $min_containment of the shorter body's keys), with the figures to verify them. Filtering here, not in
-- pandas, keeps a run's pairs small: 100,000 bench articles share keys in 15 M pairs, of which 0.47 M pass.
-- new_keys: the run's story_keys rows; other_keys: rows of the articles to compare with (the run's own, or
-- the stored articles found through story_sample), both registered by wirehouse/link/stories.py.
-- A key held by more than $max_key_articles of the other side's articles is boilerplate (a site's footer under
-- every article, a standard disclaimer): it makes no pair, but a pair found through other keys counts it. Its
-- k holders made k * k rows: 8,000 articles under one footer took the link step 12.8 s (1.2 s without it).
-- The join counts keys per pair and nothing else; each article's figures are joined to the pairs after. With
-- the figures carried through the count (any_value of four columns per pair), 100,000 files copied into a
-- warehouse holding them (3.6 M pairs sharing a key: Reuters' earnings tables share template 5-grams) failed
-- at the run's 512 MB cap; counted alone, the same pairs took 1.4 s instead of 1.7-2.0 s with 4 GB.
WITH common AS (  -- boilerplate: keys held by more than $max_key_articles of the articles compared with
    SELECT key FROM other_keys GROUP BY key HAVING count(*) > $max_key_articles
),
shared_rare AS (  -- the pairs sharing a key that is not common: the candidates
    SELECT n.article_id, o.article_id AS other_article_id, count(*) AS shared
    FROM new_keys AS n
    JOIN other_keys AS o ON n.key = o.key AND n.article_id <> o.article_id
    WHERE n.key NOT IN (SELECT key FROM common)
    GROUP BY n.article_id, o.article_id
),
new_common AS (SELECT article_id, key FROM new_keys WHERE key IN (SELECT key FROM common)),
other_common AS (SELECT article_id, key FROM other_keys WHERE key IN (SELECT key FROM common)),
shared_common AS (  -- the common keys the candidates also share, so that `shared` counts every key
    SELECT s.article_id, s.other_article_id, count(*) AS shared
    FROM new_common AS n
    JOIN shared_rare AS s ON s.article_id = n.article_id
    JOIN other_common AS o ON o.article_id = s.other_article_id AND o.key = n.key
    GROUP BY s.article_id, s.other_article_id
),
shared AS (
    SELECT s.article_id, s.other_article_id, s.shared + coalesce(c.shared, 0) AS shared
    FROM shared_rare AS s
    LEFT JOIN shared_common AS c USING (article_id, other_article_id)
),
new_articles AS (
    SELECT article_id, any_value(n_keys) AS n_keys, any_value(body_hash) AS body_hash
    FROM new_keys
    GROUP BY article_id
),
other_articles AS (
    SELECT article_id, any_value(n_keys) AS n_keys, any_value(body_hash) AS body_hash, any_value(story_id) AS story_id
    FROM other_keys
    GROUP BY article_id
)
SELECT
    s.article_id,
    s.other_article_id,
    s.shared,
    n.n_keys,
    o.n_keys                     AS other_n_keys,
    n.body_hash = o.body_hash    AS same_body,
    o.story_id                   AS other_story_id
FROM shared AS s
JOIN new_articles AS n ON n.article_id = s.article_id
JOIN other_articles AS o ON o.article_id = s.other_article_id
WHERE n.body_hash = o.body_hash
   OR (s.shared >= $min_shared AND s.shared / greatest(least(n.n_keys, o.n_keys), 1) >= $min_containment);

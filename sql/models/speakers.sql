-- Speakers across the warehouse: one row per canonical name, with how often and where they are quoted.
INSERT INTO speakers
SELECT
    substr(md5(lower(speaker)), 1, 16)       AS speaker_id,
    speaker                                  AS name,
    mode(speaker_kind)                       AS kind,
    count(*)                                 AS n_quotes,
    count(DISTINCT article_id)               AS n_articles
FROM quotes
WHERE speaker IS NOT NULL
GROUP BY speaker;

-- Speakers across the warehouse: one row per canonical name, with how often and where they are quoted.
-- Names that differ only in case ('Analysts', 'analysts') are one speaker, as their speaker_id says:
-- its most frequent spelling names it (the data-quality check duplicate_ids found them as two rows).
INSERT INTO speakers
SELECT
    substr(md5(lower(speaker)), 1, 16)       AS speaker_id,
    first(speaker ORDER BY n_spelling DESC, speaker) AS name,
    mode(speaker_kind)                       AS kind,
    count(*)                                 AS n_quotes,
    count(DISTINCT article_id)               AS n_articles
FROM (SELECT *, count(*) OVER (PARTITION BY speaker) AS n_spelling FROM quotes WHERE speaker IS NOT NULL)
GROUP BY lower(speaker);

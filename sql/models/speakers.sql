-- Speakers across the warehouse: named people and organisations only (a description such as 'a company
-- spokesman' is no speaker: quotes.speaker_kind = 'description'), one row per name whatever its case
-- ('Analysts'/'analysts', 'BBC'/'Bbc'), named as most quotes spell it, with how often and where they are quoted.
INSERT INTO speakers
SELECT
    substr(md5(key), 1, 16)                                 AS speaker_id,
    first(speaker ORDER BY spelled DESC, speaker)           AS name,
    first(speaker_kind ORDER BY kinds DESC, speaker_kind)   AS kind,
    count(*)                                                AS n_quotes,
    count(DISTINCT article_id)                              AS n_articles
FROM (
    SELECT
        lower(speaker)                                          AS key,
        speaker,
        speaker_kind,
        article_id,
        count(*) OVER (PARTITION BY speaker)                    AS spelled,
        count(*) OVER (PARTITION BY lower(speaker), speaker_kind) AS kinds
    FROM quotes
    WHERE speaker IS NOT NULL AND speaker_kind IN ('person', 'organisation')
)
GROUP BY key;

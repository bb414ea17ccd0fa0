-- Speakers across the warehouse: named people and organisations only (a description such as 'a company
-- spokesman' is no speaker: quotes.speaker_kind = 'description'), one row per name whatever its case
-- ('BBC'/'Bbc'), named as most quotes spell it, with how often and where they are quoted.
-- One person, one row: a surname alone ('Reagan', from 'Reagan said' or 'President Reagan said' in an article
-- that never gives the first name) is the person whose full name ends with it, when the warehouse quotes one
-- such full name in at least three quarters of the articles that quote any ('Ronald Reagan'; not 'Brown' among
-- 'Gordon Brown' and 'Nick Brown' quoted as often). Rows are made per `name_group` (the lower-cased last word
-- of the name), so a run re-derives only the groups whose quotes it changed.
INSERT INTO speakers
WITH named AS (
    SELECT
        lower(speaker)                              AS key,
        speaker,
        speaker_kind,
        article_id,
        lower(regexp_extract(speaker, '\S+$'))      AS name_group
    FROM quotes
    WHERE speaker IS NOT NULL AND speaker_kind IN ('person', 'organisation')
),
full_names AS (
    SELECT name_group, key, count(DISTINCT article_id) AS n
    FROM named
    WHERE speaker_kind = 'person' AND contains(key, ' ')
    GROUP BY name_group, key
),
surname_of AS (
    SELECT name_group, arg_max(key, n) AS full_key
    FROM full_names
    GROUP BY name_group
    HAVING max(n) >= 0.75 * sum(n)
),
merged AS (
    SELECT coalesce(s.full_key, n.key) AS key, n.speaker, n.speaker_kind, n.article_id, n.name_group
    FROM named AS n
    LEFT JOIN surname_of AS s
        ON n.speaker_kind = 'person' AND n.key = n.name_group AND s.name_group = n.name_group
)
SELECT
    substr(md5(key), 1, 16)                                             AS speaker_id,
    first(speaker ORDER BY lower(speaker) = key DESC, spelled DESC, speaker) AS name,
    first(speaker_kind ORDER BY kinds DESC, speaker_kind)               AS kind,
    count(*)                                                            AS n_quotes,
    count(DISTINCT article_id)                                          AS n_articles,
    first(name_group)                                                   AS name_group
FROM (
    SELECT
        *,
        count(*) OVER (PARTITION BY speaker)                            AS spelled,
        count(*) OVER (PARTITION BY key, speaker_kind)                  AS kinds
    FROM merged
)
GROUP BY key;

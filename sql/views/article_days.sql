-- The days of an article, for "articles per day": published_date when the text states a full date (never
-- guessed), the dateline's month and day when it has one (no year), and first_seen_date, the UTC day a run
-- first saw its file (the files manifest). E.g. SELECT first_seen_date, count(*) FROM article_days GROUP BY 1.
CREATE OR REPLACE VIEW article_days AS
SELECT
    a.article_id,
    a.published_date,
    a.dateline_month,
    a.dateline_day,
    CAST(f.first_seen_at AS DATE) AS first_seen_date,
    f.first_seen_at
FROM articles AS a
JOIN files AS f USING (file_id);

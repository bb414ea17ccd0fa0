-- A speaker's quotes over time: how many quotes and articles per period.
-- param speaker VARCHAR: the speaker's canonical name, any case
-- param period VARCHAR month: 'day', 'week', 'month' or 'year'
SELECT
    date_trunc($period, a.published_date)::DATE    AS period_start,
    count(*)                                        AS n_quotes,
    count(DISTINCT s.article_id)                    AS n_articles
FROM quote_speakers AS s
JOIN articles AS a USING (article_id)
WHERE lower(s.speaker) = lower($speaker) AND a.published_date IS NOT NULL
GROUP BY period_start
ORDER BY period_start;

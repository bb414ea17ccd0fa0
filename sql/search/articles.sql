-- `wirehouse search`: articles ranked by BM25 (macro search_articles), with optional filters.
-- $q: the query; $since: earliest published date or NULL; $speaker: only articles quoting this speaker
-- (as decided in quote_speakers, any case) or NULL; $limit: how many hits.
-- The body (for the snippet) is fetched for the $limit hits only, not for every document that matched.
WITH ranked AS (
    SELECT s.score, s.article_id, s.published_date, s.title, s.agency
    FROM search_articles($q) AS s
    WHERE ($since IS NULL OR s.published_date >= $since)
      AND ($speaker IS NULL OR EXISTS (
            SELECT 1 FROM quote_speakers AS qs
            WHERE qs.article_id = s.article_id AND lower(qs.speaker) = lower($speaker)))
    ORDER BY s.score DESC, s.article_id
    LIMIT $limit
)
SELECT r.score, r.article_id, r.published_date, r.title, r.agency, a.body AS text, NULL AS speaker
FROM ranked AS r
JOIN articles AS a USING (article_id)
ORDER BY r.score DESC, r.article_id;

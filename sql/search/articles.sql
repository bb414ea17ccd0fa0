-- `wirehouse search`: articles ranked by BM25 (macro search_articles), with optional filters.
-- $q: the query; $since: earliest published date or NULL; $speaker: only articles quoting this speaker
-- (as decided in quote_speakers, any case) or NULL; $limit: how many hits.
SELECT s.score, s.article_id, s.published_date, s.title, s.agency, a.body AS text, NULL AS speaker
FROM search_articles($q) AS s
JOIN articles AS a USING (article_id)
WHERE ($since IS NULL OR s.published_date >= $since)
  AND ($speaker IS NULL OR EXISTS (
        SELECT 1 FROM quote_speakers AS qs
        WHERE qs.article_id = s.article_id AND lower(qs.speaker) = lower($speaker)))
ORDER BY s.score DESC, s.article_id
LIMIT $limit;

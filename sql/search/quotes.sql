-- `wirehouse search --quotes`: quotes ranked by BM25 (macro search_quotes), with optional filters.
-- $q: the query; $since: earliest published date or NULL; $speaker: this speaker only (any case) or NULL;
-- $limit: how many hits.
SELECT s.score, s.article_id, s.published_date, s.title, NULL AS agency, s.text, s.speaker
FROM search_quotes($q) AS s
WHERE ($since IS NULL OR s.published_date >= $since)
  AND ($speaker IS NULL OR lower(s.speaker) = lower($speaker))
ORDER BY s.score DESC, s.quote_id
LIMIT $limit;

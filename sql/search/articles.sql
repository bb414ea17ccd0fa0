-- `wirehouse search`: articles ranked by BM25 (macro search_bm25), with optional filters.
-- $q: the query; $since: earliest published date or NULL; $speaker: only articles quoting this speaker
-- (as decided in quote_speakers, any case) or NULL; $limit: how many hits.
-- Ranked first: the title, date and agency, and the body (for the snippet), are fetched for the $limit hits
-- only, not for every document that matched; the speaker's articles come from quotes_of_speaker (the
-- view quote_speakers over every quote took 0.3-0.5 s at 100,000 articles).
WITH ranked AS (
    SELECT b.score, b.article_id
    FROM search_bm25($q, 'article') AS b
    WHERE ($since IS NULL OR b.article_id IN (SELECT article_id FROM articles WHERE published_date >= $since))
      AND ($speaker IS NULL OR b.article_id IN (SELECT article_id FROM quotes_of_speaker($speaker)))
    ORDER BY b.score DESC, b.article_id
    LIMIT $limit
)
SELECT r.score, r.article_id, a.published_date, a.title, a.agency, a.body AS text, NULL AS speaker
FROM ranked AS r
JOIN articles AS a USING (article_id)
ORDER BY r.score DESC, r.article_id;

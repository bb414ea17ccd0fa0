-- `wirehouse search --quotes`: quotes ranked by BM25 (macro search_bm25), with optional filters.
-- $q: the query; $since: earliest published date or NULL; $speaker: this speaker only (any case) or NULL;
-- $limit: how many hits.
-- Ranked first, then looked up: the text and speaker of the $limit hits only (the view quote_speakers over
-- every quote, and every quote's text, cost a 100,000-article warehouse about a second per query).
WITH speaker_quotes AS (  -- empty, and never computed, without --speaker
    SELECT qt.article_id, qt.quote_no
    FROM quote_speakers AS s
    JOIN quotes AS qt USING (quote_id)
    WHERE $speaker IS NOT NULL AND lower(s.speaker) = lower($speaker)
),
ranked AS (
    SELECT b.score, b.article_id, b.doc_no - 1 AS quote_no, a.published_date, a.title
    FROM search_bm25($q, 'quote') AS b
    JOIN articles AS a USING (article_id)
    WHERE ($since IS NULL OR a.published_date >= $since)
      AND ($speaker IS NULL OR EXISTS (
            SELECT 1 FROM speaker_quotes AS sq WHERE sq.article_id = b.article_id AND sq.quote_no = b.doc_no - 1))
    ORDER BY b.score DESC, b.article_id, quote_no
    LIMIT $limit
),
shown AS (
    SELECT r.*, qt.quote_id, qt.text
    FROM ranked AS r
    JOIN quotes AS qt USING (article_id, quote_no)
)
SELECT sh.score, sh.article_id, sh.published_date, sh.title, NULL AS agency, sh.text, s.speaker
FROM shown AS sh
JOIN quote_speakers AS s USING (quote_id)
ORDER BY sh.score DESC, sh.article_id, sh.quote_no;

-- `wirehouse search --quotes`: quotes ranked by BM25 (macro search_bm25), with optional filters.
-- $q: the query; $since: earliest published date or NULL; $speaker: this speaker only (any case) or NULL;
-- $limit: how many hits.
-- Ranked first, then looked up: the text, title and speaker of the $limit hits only (the view quote_speakers
-- over every quote, and every quote's text, cost a 100,000-article warehouse about a second per query). The
-- filters are semi-joins with small sets: the speaker's quotes (quotes_of_speaker, not the view over every
-- quote; on an (article_id, quote_no) row, since EXISTS made a slower delim join) and the articles published
-- since $since; the shown quotes' speakers come from decided_speaker().
WITH ranked AS (
    SELECT b.score, b.article_id, b.doc_no - 1 AS quote_no
    FROM search_bm25($q, 'quote') AS b
    WHERE ($since IS NULL OR b.article_id IN (SELECT article_id FROM articles WHERE published_date >= $since))
      AND ($speaker IS NULL OR (b.article_id, b.doc_no - 1) IN (
            SELECT (article_id, quote_no) FROM quotes_of_speaker($speaker)))
    ORDER BY b.score DESC, b.article_id, quote_no
    LIMIT $limit
),
shown AS (
    SELECT r.*, a.published_date, a.title, qt.text, qt.speaker, qt.attribution, qt.cluster_id
    FROM ranked AS r
    JOIN quotes AS qt USING (article_id, quote_no)
    JOIN articles AS a USING (article_id)
)  -- the speaker as the view quote_speakers decides it, for these quotes only (the view scans every quote)
SELECT sh.score, sh.article_id, sh.published_date, sh.title, NULL AS agency, sh.text,
       decided_speaker(sh.speaker, sh.attribution, c.speaker) AS speaker
FROM shown AS sh
LEFT JOIN quote_clusters AS c USING (cluster_id)
ORDER BY sh.score DESC, sh.article_id, sh.quote_no;

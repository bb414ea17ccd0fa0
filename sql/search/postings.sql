-- Postings of a run's new documents, from its staged parts: article title + body, and each quote's text.
-- run_articles, run_quotes: the run's staged rows (Arrow tables registered by wirehouse/search/index.py).
-- Tokens as in search_tokens() (sql/views/search.sql).
CREATE TEMP TABLE run_postings AS
WITH docs AS (
    SELECT article_id, article_id AS doc_id, 'article' AS doc_kind, concat_ws(' ', title, body) AS text
    FROM run_articles
    UNION ALL
    SELECT article_id, quote_id, 'quote', text
    FROM run_quotes
),
tokens AS (
    SELECT article_id, doc_id, doc_kind,
           unnest(regexp_split_to_array(lower(strip_accents(text)), '[^a-z0-9]+')) AS term
    FROM docs
),
counted AS (
    SELECT article_id, doc_id, doc_kind, term, count(*)::INTEGER AS tf
    FROM tokens
    WHERE term <> ''
    GROUP BY ALL
)
SELECT *, (sum(tf) OVER (PARTITION BY doc_kind, doc_id))::INTEGER AS doc_len
FROM counted
ORDER BY term, doc_id;

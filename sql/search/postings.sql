-- Postings of a run's new documents, from its staged parts: article title + body, and each quote's text.
-- run_articles, run_quotes: the run's staged rows (Arrow tables registered by wirehouse/search/index.py).
-- Tokens as in search_tokens() (sql/views/search.sql): lower case, accents stripped, runs of a-z and 0-9.
-- strip_accents is most of the tokenising time, and most texts are plain ASCII (bytes = characters), where
-- it changes nothing: only the others pay for it.
CREATE TEMP TABLE run_docs AS
WITH docs AS (
    SELECT article_id, 0 AS doc_no, article_id AS doc_id, 'article' AS doc_kind, concat_ws(' ', title, body) AS text
    FROM run_articles
    UNION ALL
    SELECT article_id, quote_no + 1, quote_id, 'quote', text
    FROM run_quotes
)
SELECT row_number() OVER () AS doc, article_id, doc_no, doc_id, doc_kind,
       regexp_extract_all(
           CASE WHEN strlen(text) = length(text) THEN lower(text) ELSE lower(strip_accents(text)) END, '[a-z0-9]+'
       ) AS tokens
FROM docs;

CREATE TEMP TABLE run_terms AS
WITH counted AS (
    SELECT doc, term, count(*)::INTEGER AS tf
    FROM (SELECT doc, unnest(tokens) AS term FROM run_docs)
    GROUP BY doc, term
)
SELECT c.term, d.article_id, d.doc_no, c.tf
FROM counted AS c
JOIN run_docs AS d USING (doc)
ORDER BY c.term, d.article_id, d.doc_no;

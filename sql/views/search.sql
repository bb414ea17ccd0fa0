-- Full-text search in SQL: BM25 over the postings in search_terms (k1 = 1.2, b = 0.75, the idf of DuckDB's
-- fts extension), for articles or quotes.
--   SELECT * FROM search_articles('arms race') ORDER BY score DESC LIMIT 10;
--   SELECT * FROM search_quotes('arms race') ORDER BY score DESC LIMIT 10;
-- A document matches when it has any of the query's terms; `matched` counts how many distinct ones.
-- search_bm25(q, kind) gives (article_id, doc_no, matched, score): doc_no 0 for an article, quote_no + 1 for
-- a quote (search_docs names each document).
CREATE OR REPLACE MACRO search_tokens(q) AS
    list_distinct(list_filter(regexp_split_to_array(lower(strip_accents(q)), '[^a-z0-9]+'), t -> t <> ''));

CREATE OR REPLACE MACRO search_bm25(q, kind) AS TABLE
WITH query_terms AS (
    SELECT unnest(search_tokens(q)) AS term
),
stats AS (  -- doc_kind 'article' is doc_no 0: the integer range reads no strings
    SELECT count(*) AS n_docs, avg(doc_len) AS avg_len FROM search_docs
    WHERE doc_no BETWEEN (CASE WHEN kind = 'article' THEN 0 ELSE 1 END)
                     AND (CASE WHEN kind = 'article' THEN 0 ELSE 2147483647 END)
),
hits AS (  -- doc_no 0 is an article's own text, the others its quotes (quote_no + 1)
    SELECT t.* FROM search_terms AS t SEMI JOIN query_terms AS w USING (term)
    WHERE t.doc_no BETWEEN (CASE WHEN kind = 'article' THEN 0 ELSE 1 END)  -- a range DuckDB pushes into the scan
                       AND (CASE WHEN kind = 'article' THEN 0 ELSE 2147483647 END)
),
idf AS (  -- once per term: per posting, its DECIMAL arithmetic and log10 were most of a query's CPU
    SELECT h.term, log10((s.n_docs - count(*) + 0.5) / (count(*) + 0.5) + 1) AS idf
    FROM hits AS h CROSS JOIN stats AS s
    GROUP BY h.term, s.n_docs
)
SELECT
    h.article_id,
    h.doc_no,
    count(*)                                                                         AS matched,
    sum(
        i.idf * h.tf * (1.2 + 1) / (h.tf + 1.2 * (1 - 0.75 + 0.75 * h.doc_len / s.avg_len))
    )                                                                                AS score
FROM hits AS h
JOIN idf AS i USING (term)
CROSS JOIN stats AS s
GROUP BY h.article_id, h.doc_no;

CREATE OR REPLACE MACRO search_articles(q) AS TABLE
SELECT b.score, b.matched, a.article_id, a.published_date, a.title, a.agency, a.story_id
FROM search_bm25(q, 'article') AS b
JOIN articles AS a USING (article_id);

CREATE OR REPLACE MACRO search_quotes(q) AS TABLE
SELECT b.score, b.matched, s.speaker, s.speaker_decided_by, qt.article_id, a.published_date, a.title,
       qt.cluster_id, qt.quote_id, qt.text
FROM search_bm25(q, 'quote') AS b
JOIN quotes AS qt ON qt.article_id = b.article_id AND qt.quote_no = b.doc_no - 1
JOIN quote_speakers AS s ON s.quote_id = qt.quote_id
JOIN articles AS a ON a.article_id = qt.article_id;

-- Full-text search postings: one row per (document, term), scored with BM25 by the macros in
-- sql/views/search.sql. Terms: lower-cased, accents stripped, runs of a-z and 0-9 (no stemming, no stop words).
-- A document is (article_id, doc_no), as in search_docs; each part is sorted by term, so DuckDB's zone maps
-- and Parquet's row-group statistics skip the parts of the table that hold other terms.
CREATE TABLE search_terms (
    term        VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    doc_no      INTEGER NOT NULL,  -- 0: the article (title + body); n: its quote with quote_no n - 1
    tf          INTEGER NOT NULL,  -- occurrences of the term in the document
    doc_len     INTEGER NOT NULL   -- terms in the document (as in search_docs: here so a query joins nothing)
);

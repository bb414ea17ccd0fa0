-- Full-text search postings: one row per (document, term), scored with BM25 by the macros in
-- sql/views/search.sql. Terms: lower-cased, accents stripped, runs of a-z and 0-9 (no stemming, no stop words).
CREATE TABLE search_terms (
    article_id  VARCHAR NOT NULL,
    doc_id      VARCHAR NOT NULL,
    doc_kind    VARCHAR NOT NULL,  -- 'article' | 'quote'
    term        VARCHAR NOT NULL,
    tf          INTEGER NOT NULL,  -- occurrences of the term in the document
    doc_len     INTEGER NOT NULL   -- terms in the document (as in search_docs)
);

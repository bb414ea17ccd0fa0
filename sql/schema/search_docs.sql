-- Full-text search: one row per searchable document (an article's title and body, or one quote's text),
-- with its length in terms, for BM25's collection statistics. Written per run (wirehouse/search/).
CREATE TABLE search_docs (
    article_id  VARCHAR NOT NULL,
    doc_no      INTEGER NOT NULL,  -- 0: the article; n: its quote with quote_no n - 1 (search_terms' key)
    doc_id      VARCHAR NOT NULL,  -- article_id for an article, quote_id for a quote
    doc_kind    VARCHAR NOT NULL,  -- 'article' | 'quote'
    doc_len     INTEGER NOT NULL   -- terms in the document
);

-- Every paragraph in document order. Only kind 'body' is part of articles.body; captions, promos and
-- headings are kept apart with NULL offsets. The Parquet parts store a body paragraph's `text` only where it
-- is not its slice of articles.body (NULL otherwise); the DuckDB table has it filled in on load.
CREATE TABLE paragraphs (
    article_id    VARCHAR NOT NULL,
    paragraph_no  INTEGER NOT NULL,  -- 0-based, document order, all kinds
    kind          VARCHAR NOT NULL,  -- 'body' | 'caption' | 'promo' | 'heading'
    start_char    INTEGER,           -- 0-based, end-exclusive offsets into articles.body
    end_char      INTEGER,
    text          VARCHAR            -- NULL in Parquet when it is the body slice (wirehouse/store/spans.py)
);

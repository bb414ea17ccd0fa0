-- Sentences of body paragraphs: substr(body, start_char + 1, end_char - start_char) = text.
-- The Parquet parts store `text` only where it is not that slice (NULL otherwise: the body holds it); the
-- DuckDB table has it filled in from articles.body on load (sql/load/spans_from_parquet.sql).
CREATE TABLE sentences (
    article_id    VARCHAR NOT NULL,
    sentence_no   INTEGER NOT NULL,  -- 0-based within the article
    paragraph_no  INTEGER NOT NULL,
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL,
    text          VARCHAR            -- NULL in Parquet when it is the body slice (wirehouse/store/spans.py)
);

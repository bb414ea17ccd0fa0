-- The quote index: each clusterable quote's 8-word window hashes and whole-text hash, one row per key. A
-- run puts its new quotes into clusters by looking up their keys here (see wirehouse/link/quotes.py).
-- Kept as Parquet parts only (LAKE_TABLES, wirehouse/schema.py): only the link step reads it, and the DuckDB
-- file does not hold it.
CREATE TABLE quote_keys (
    article_id  VARCHAR NOT NULL,
    quote_id    VARCHAR NOT NULL,
    key         BIGINT NOT NULL,   -- a window of 8 consecutive normalised words, or the whole text
    n_windows   INTEGER NOT NULL,  -- 8-word windows of the quote (0 for quotes of 5 to 7 words)
    text_hash   BIGINT NOT NULL,   -- hash of the normalised text: equal for the same words
    cluster_id  VARCHAR            -- NULL: quotes.cluster_id holds it (parts written before 8 Dec 2026 carry it)
);

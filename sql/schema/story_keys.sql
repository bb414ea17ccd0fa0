-- The story index: a sample of each article's body shingles (word 5-gram hashes), one row per key. A run
-- finds the stories of its new articles by looking up their keys here (see wirehouse/link/).
-- Kept as Parquet parts only (LAKE_TABLES, wirehouse/schema.py): only the link step reads it, and the DuckDB
-- file does not hold it.
CREATE TABLE story_keys (
    article_id  VARCHAR NOT NULL,
    key         BIGINT NOT NULL,   -- a sampled 5-gram hash (63 bits)
    n_keys      INTEGER NOT NULL,  -- keys of this article: shared / n_keys estimates shingle containment
    body_hash   BIGINT NOT NULL,   -- hash of the body's words: equal for exact (normalised) duplicates
    lead        BOOLEAN NOT NULL,  -- one of the article's first 4 keys in body order (always in story_sample)
    story_id    VARCHAR            -- NULL: articles.story_id holds it (parts written before 8 Dec 2026 carry it)
);

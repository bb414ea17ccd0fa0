-- The coarse tier of the story index: the story_keys a run probes with its own keys, one row per key. It
-- holds each article's keys whose hash is also 0 modulo 32 (1 shingle in 32, 1 story key in 8), its lead
-- keys, and every key of an article with few keys: about a quarter of story_keys' rows. A run joins its keys
-- with this table only; the finer story_keys are read just for the articles found here (see
-- wirehouse/link/index.py).
-- Kept as Parquet parts only (LAKE_TABLES, wirehouse/schema.py): only the link step reads it, and the DuckDB
-- file does not hold it.
CREATE TABLE story_sample (
    article_id  VARCHAR NOT NULL,
    key         BIGINT NOT NULL,   -- one of the article's story_keys
    n_keys      INTEGER NOT NULL,  -- the article's story_keys (as in story_keys.n_keys)
    body_hash   BIGINT             -- as in story_keys: copies of one body count once as a key's holders
                                   -- (sql/link/story_sample_hits.sql); NULL in parts written before 8 Dec 2026
);

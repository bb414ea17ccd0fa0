-- The decoded text as it arrived, before any cleaning: provenance for every cleaned body. Stored with zstd in
-- DuckDB (5x smaller than its default for long texts; read by article, rarely scanned).
CREATE TABLE raw_articles (
    article_id  VARCHAR NOT NULL,
    file_id     VARCHAR NOT NULL,
    raw_text    VARCHAR NOT NULL USING COMPRESSION zstd
);

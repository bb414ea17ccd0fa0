-- The decoded text as it arrived, before any cleaning: provenance for every cleaned body.
CREATE TABLE raw_articles (
    article_id  VARCHAR NOT NULL,
    file_id     VARCHAR NOT NULL,
    raw_text    VARCHAR NOT NULL
);

-- Speakers across the warehouse, derived from quotes by sql/models/speakers.sql.
CREATE TABLE speakers (
    speaker_id  VARCHAR NOT NULL,  -- md5 of the lower-cased name, 16 hex digits
    name        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,  -- 'person' | 'organisation'
    n_quotes    INTEGER NOT NULL,
    n_articles  INTEGER NOT NULL
);

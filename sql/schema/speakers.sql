-- Speakers across the warehouse, derived from quotes by sql/models/speakers.sql.
CREATE TABLE speakers (
    speaker_id  VARCHAR NOT NULL,  -- md5 of the lower-cased full name, 16 hex digits
    name        VARCHAR NOT NULL,  -- the full name as most quotes spell it: 'Ronald Reagan' (also for 'Reagan')
    kind        VARCHAR NOT NULL,  -- 'person' | 'organisation'
    n_quotes    INTEGER NOT NULL,
    n_articles  INTEGER NOT NULL,
    name_group  VARCHAR NOT NULL   -- the name's last word, lower case ('reagan'): speakers are derived per group
);

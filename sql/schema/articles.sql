-- One row per article file. `body` is the cleaned prose; every offset elsewhere points into it.
CREATE TABLE articles (
    article_id      VARCHAR NOT NULL,  -- the file's path below the folder given to `run`, without extension
    file_id         VARCHAR NOT NULL,
    source_path     VARCHAR NOT NULL,
    title           VARCHAR,
    published_date  DATE,
    dateline        VARCHAR,           -- place named before the lead, e.g. 'MOSCOW'
    dateline_month  TINYINT,           -- month and day of the dateline's date, e.g. 2 and 26 for
    dateline_day    TINYINT,           --   'SALVADOR, Feb 26 -' (no year there: published_date stays NULL)
    agency          VARCHAR,           -- wire agency credited, e.g. 'Reuters'
    body            VARCHAR NOT NULL,  -- body paragraphs joined by a blank line
    body_sha256     VARCHAR NOT NULL,  -- hash of the cleaned body: finds byte-identical copies across files
    n_paragraphs    INTEGER NOT NULL,  -- body paragraphs
    n_sentences     INTEGER NOT NULL,
    n_words         INTEGER NOT NULL,
    n_quotes        INTEGER NOT NULL,
    run_id          VARCHAR NOT NULL,
    pipeline_fingerprint VARCHAR,      -- what derived it (code version + reference CSVs); see runs.pipeline
    story_id        VARCHAR            -- syndicated copies and rewrites share it (stories table)
);

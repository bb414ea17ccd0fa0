-- The manifest: every input file ever seen, loaded or rejected. Discovery compares against it.
CREATE TABLE files (
    file_id         VARCHAR   NOT NULL,  -- sha256 of the absolute source path, 16 hex digits
    source_path     VARCHAR   NOT NULL,  -- absolute path at ingestion
    size_bytes      BIGINT    NOT NULL,
    mtime_ns        BIGINT    NOT NULL,  -- with size, the cheap "did it change?" test
    content_sha256  VARCHAR,             -- NULL only for files too large to read
    encoding        VARCHAR,             -- utf-8, utf-8-sig, utf-16, cp1252, latin-1; NULL when rejected unread
    status          VARCHAR   NOT NULL,  -- 'loaded' | 'rejected'
    article_id      VARCHAR,             -- its article; a rejected file still names the one holding its last
                                         -- loaded version (NULL if it never loaded)
    first_seen_at   TIMESTAMP NOT NULL,
    last_run_id     VARCHAR   NOT NULL   -- the run that last (re)processed this file
);

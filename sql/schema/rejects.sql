-- Files that are not articles, with the reason. A reject never stops the rest of a run.
CREATE TABLE rejects (
    file_id         VARCHAR   NOT NULL,
    source_path     VARCHAR   NOT NULL,
    reason          VARCHAR   NOT NULL,  -- see the README's "Bad input": 'empty', 'binary', 'error', 'gone', ...
    detail          VARCHAR   NOT NULL,  -- human-readable: what was seen
    size_bytes      BIGINT    NOT NULL,
    content_sha256  VARCHAR,
    run_id          VARCHAR   NOT NULL,
    rejected_at     TIMESTAMP NOT NULL
);

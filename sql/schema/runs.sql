-- One row per flow run that changed the warehouse (a no-op re-run commits nothing, so it adds no row).
CREATE TABLE runs (
    run_id        VARCHAR   NOT NULL,  -- sortable: UTC start time + random suffix
    flow_run_id   VARCHAR,             -- Prefect's flow run id, to find the run in the UI
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP NOT NULL,
    n_files       INTEGER   NOT NULL,  -- new or changed files processed
    n_articles    INTEGER   NOT NULL,  -- articles written by this run
    n_rejects     INTEGER   NOT NULL,  -- files rejected by this run
    n_replaced    INTEGER   NOT NULL,  -- articles whose older rows this run replaced
    status        VARCHAR   NOT NULL,  -- 'succeeded' (failed runs commit nothing)
    n_rederived   INTEGER,             -- articles re-derived from raw_articles because their rules changed
    pipeline      VARCHAR              -- JSON: version, code hash, sha256 of each reference CSV (the fingerprint's parts)
);

-- A run's key rows (story_keys or quote_keys) from its staged Parquet parts, $parts, as a table of the scratch
-- database: read by DuckDB, held within its memory limit and spilled to disk past it (wirehouse/scratch.py).
CREATE OR REPLACE TEMP TABLE run_keys AS SELECT * FROM read_parquet($parts);

-- The keys of a manifest table ({column}: file_id or run_id) whose rows differ between two snapshots' parts
-- ($old, $new): a row in one that the other lacks. A commit that takes the older snapshot's DuckDB file
-- replaces the rows of these keys only (wirehouse/store/delta.py).
SELECT DISTINCT {column} FROM (
    (SELECT * FROM read_parquet($old) EXCEPT ALL SELECT * FROM read_parquet($new))
    UNION ALL
    (SELECT * FROM read_parquet($new) EXCEPT ALL SELECT * FROM read_parquet($old))
)
ORDER BY 1;

-- Inserts the rows of a small table's new Parquet part whose {column} is in $keys (after delete_rows.sql
-- removed the old ones): a commit updates the files, rejects and runs tables by the rows the run changed.
INSERT INTO {table} BY NAME SELECT * FROM read_parquet($files) WHERE {column} IN (SELECT unnest($ids));

-- Fills one table of the schema from its Parquet parts; BY NAME so column order never matters.
-- {table} is a schema table name (checked in code), $files the list of its Parquet parts.
INSERT INTO {table} BY NAME SELECT * FROM read_parquet($files);

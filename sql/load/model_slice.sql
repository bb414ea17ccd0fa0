-- The model's source table seen through one slice of its groups (a cold build runs a model slice by slice when
-- its source is big; wirehouse/store/duckdb_build.py): a temporary view of the same name, which DuckDB binds
-- before the table. {key} is the model's group key, so every group lies in one slice whole.
CREATE OR REPLACE TEMP VIEW {source} AS
SELECT * FROM "{catalog}".main.{source} WHERE hash({key}) % {slices} = {slice};

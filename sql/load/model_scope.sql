-- The model's source table seen through its touched groups only: a temporary view of the same name, which
-- DuckDB binds before the table ({catalog} is the database's own name, so the view can read the table).
CREATE OR REPLACE TEMP VIEW {source} AS
SELECT * FROM "{catalog}".main.{source} WHERE {key} IN (SELECT k FROM {model}_keys);

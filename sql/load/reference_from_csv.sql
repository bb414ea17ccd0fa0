-- Loads one reference CSV from seeds/ as a table of the same name, every column as text, as written.
CREATE TABLE {table} AS SELECT * FROM read_csv($path, header = true, all_varchar = true);

-- Removes rows by key: the rows of articles a run re-processed (before their new rows are inserted), or the
-- rows of a small table the run changed. {table} and {column} come from code, $ids are the keys.
DELETE FROM {table} WHERE {column} IN (SELECT unnest($ids));

-- Removes the rows of articles a run re-processed, before their new rows are inserted.
-- {table} is an article-keyed schema table, {column} a column naming an article (both from code), $ids the ids.
DELETE FROM {table} WHERE {column} IN (SELECT unnest($ids));

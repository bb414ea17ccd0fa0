-- Removes the rows of articles a run re-processed, before their new rows are inserted.
-- {table} is an article-keyed schema table (checked in code), $ids the article ids.
DELETE FROM {table} WHERE article_id IN (SELECT unnest($ids));

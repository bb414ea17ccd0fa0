-- Rows that name an article the warehouse does not hold, over the whole warehouse.
SELECT (SELECT count(*) FROM paragraphs WHERE article_id NOT IN (SELECT article_id FROM articles))
     + (SELECT count(*) FROM sentences WHERE article_id NOT IN (SELECT article_id FROM articles))
     + (SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT article_id FROM articles))
     + (SELECT count(*) FROM raw_articles WHERE article_id NOT IN (SELECT article_id FROM articles))
     + (SELECT count(*) FROM files WHERE status = 'loaded' AND article_id NOT IN (SELECT article_id FROM articles))

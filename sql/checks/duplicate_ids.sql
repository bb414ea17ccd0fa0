-- Rows sharing a key with another row of the same table, over the whole warehouse.
SELECT (SELECT count(*) - count(DISTINCT article_id) FROM articles)
     + (SELECT count(*) - count(DISTINCT article_id) FROM raw_articles)
     + (SELECT count(*) - count(DISTINCT (article_id, paragraph_no)) FROM paragraphs)
     + (SELECT count(*) - count(DISTINCT (article_id, sentence_no)) FROM sentences)
     + (SELECT count(*) - count(DISTINCT quote_id) FROM quotes)
     + (SELECT count(*) - count(DISTINCT file_id) FROM files)
     + (SELECT count(*) - count(DISTINCT speaker_id) FROM speakers)

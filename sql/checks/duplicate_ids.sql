-- Rows sharing a key with another row of the same table. Only keys of this run's articles can be new
-- duplicates (a run deletes and inserts whole articles; rows of the others were checked by the run that
-- wrote them), so the article tables are looked at for those articles only; files and speakers whole.
WITH run_articles AS (SELECT article_id FROM articles WHERE run_id = $run_id)
SELECT (SELECT count(*) - count(DISTINCT article_id) FROM articles
        WHERE article_id IN (SELECT article_id FROM run_articles))
     + (SELECT count(*) - count(DISTINCT article_id) FROM raw_articles
        WHERE article_id IN (SELECT article_id FROM run_articles))
     + (SELECT count(*) - count(DISTINCT (article_id, paragraph_no)) FROM paragraphs
        WHERE article_id IN (SELECT article_id FROM run_articles))
     + (SELECT count(*) - count(DISTINCT (article_id, sentence_no)) FROM sentences
        WHERE article_id IN (SELECT article_id FROM run_articles))
     + (SELECT count(*) - count(DISTINCT quote_id) FROM quotes
        WHERE article_id IN (SELECT article_id FROM run_articles))
     + (SELECT count(*) - count(DISTINCT file_id) FROM files)
     + (SELECT count(*) - count(DISTINCT speaker_id) FROM speakers)

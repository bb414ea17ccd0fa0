-- Fills a span table (sentences, paragraphs) from its Parquet parts, with each `text` the Parquet part left
-- NULL taken back out of articles.body by its offsets (loaded first). {table} comes from code, $files are
-- the parts.
INSERT INTO {table} BY NAME
SELECT s.* REPLACE (coalesce(s.text, substr(a.body, s.start_char + 1, s.end_char - s.start_char)) AS text)
FROM read_parquet($files) AS s
LEFT JOIN articles AS a ON a.article_id = s.article_id AND s.text IS NULL;

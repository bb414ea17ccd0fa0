-- Quotes of this run's articles whose offsets do not slice their text out of articles.body.
SELECT count(*)
FROM quotes q JOIN articles a USING (article_id)
WHERE a.run_id = $run_id AND substr(a.body, q.start_char + 1, q.end_char - q.start_char) IS DISTINCT FROM q.text

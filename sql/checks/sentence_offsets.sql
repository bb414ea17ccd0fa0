-- Sentences of this run's articles whose offsets do not slice their text out of articles.body.
SELECT count(*)
FROM sentences s JOIN articles a USING (article_id)
WHERE a.run_id = $run_id AND substr(a.body, s.start_char + 1, s.end_char - s.start_char) IS DISTINCT FROM s.text

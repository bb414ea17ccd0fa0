-- Body paragraphs of this run's articles whose offsets do not slice their text out of articles.body.
SELECT count(*)
FROM paragraphs p JOIN articles a USING (article_id)
WHERE a.run_id = $run_id AND p.kind = 'body'
  AND substr(a.body, p.start_char + 1, p.end_char - p.start_char) IS DISTINCT FROM p.text

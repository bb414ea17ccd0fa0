-- Share of this run's direct quotes credited to nobody.
SELECT coalesce(avg(CASE WHEN q.speaker IS NULL THEN 1.0 ELSE 0.0 END), 0)
FROM quotes q JOIN articles a USING (article_id)
WHERE a.run_id = $run_id AND q.kind = 'direct'

-- Share of this run's articles in which no sentence was found.
SELECT coalesce(avg(CASE WHEN n_sentences = 0 THEN 1.0 ELSE 0.0 END), 0) FROM articles WHERE run_id = $run_id

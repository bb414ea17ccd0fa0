-- This run's articles with no body text at all.
SELECT count(*) FROM articles WHERE run_id = $run_id AND coalesce(length(body), 0) = 0

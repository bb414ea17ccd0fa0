-- Share of the files this run read that were rejected.
SELECT coalesce((SELECT count(*) FROM rejects WHERE run_id = $run_id) / nullif(max(n_files), 0), 0)
FROM runs WHERE run_id = $run_id

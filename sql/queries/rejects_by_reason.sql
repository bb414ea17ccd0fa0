-- Rejects by reason: how many input files were not loaded and why, with one example each.
SELECT
    reason,
    count(*)                                AS n_files,
    min(source_path)                        AS example_path,
    arg_min(detail, source_path)            AS example_detail
FROM rejects
GROUP BY reason
ORDER BY n_files DESC, reason;

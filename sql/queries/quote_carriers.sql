-- Who was quoted first and who repeated it: every carrier of the clusters whose text contains a phrase,
-- in the order they carried it (first published, then article id).
-- param text VARCHAR: words of the quote, any case ('special attention')
-- param limit INTEGER 100: how many rows
WITH clusters AS (
    SELECT cluster_id, canonical_text, speaker AS cluster_speaker
    FROM quote_clusters
    WHERE n_quotes > 1 AND contains(lower(canonical_text), lower($text))
)
SELECT
    c.cluster_id,
    row_number() OVER (
        PARTITION BY c.cluster_id ORDER BY a.published_date NULLS LAST, a.article_id, q.quote_no
    )                                               AS carried_no,
    a.published_date,
    q.article_id,
    coalesce(a.agency, a.article_id)                AS outlet,
    a.title,
    coalesce(q.speaker, c.cluster_speaker)          AS speaker,
    q.text
FROM clusters AS c
JOIN quotes AS q USING (cluster_id)
JOIN articles AS a ON a.article_id = q.article_id
ORDER BY c.cluster_id, carried_no
LIMIT $limit;

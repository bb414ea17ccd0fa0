-- Top speakers: who is quoted most, in how many articles and outlets.
-- param limit INTEGER 20: how many speakers
-- Outlets are credited agencies; an article crediting none counts as its own outlet.
SELECT
    q.speaker,
    mode(q.speaker_kind)                                  AS kind,
    count(*)                                              AS n_quotes,
    count(DISTINCT q.article_id)                          AS n_articles,
    count(DISTINCT coalesce(a.agency, a.article_id))      AS n_outlets
FROM quotes AS q
JOIN articles AS a USING (article_id)
WHERE q.speaker IS NOT NULL
GROUP BY q.speaker
ORDER BY n_quotes DESC, q.speaker
LIMIT $limit;

-- Most-carried quotes: utterances repeated across outlets (quote clusters), most outlets first.
-- param limit INTEGER 20: how many clusters
SELECT
    cluster_id,
    speaker,
    n_outlets,
    n_articles,
    n_quotes,
    first_seen,
    first_article_id,
    canonical_text
FROM quote_clusters
WHERE n_quotes > 1
ORDER BY n_outlets DESC, n_articles DESC, n_quotes DESC, first_seen NULLS LAST, cluster_id
LIMIT $limit;

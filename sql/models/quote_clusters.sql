-- Quote clusters from quotes.cluster_id. The speaker is decided from every quote of the cluster:
-- votes come from quotes whose own article names the speaker ('explicit'), or, when none does, from quotes
-- whose speaker was resolved otherwise (a continuation or a pronoun); a surname alone ('Trump') counts for
-- the full name another carrier gives ('Donald Trump'). The name with most votes wins; a tie goes to the
-- name of the earliest quote. speaker_basis says which: 'unanimous', 'majority', 'first_seen' or 'none'.
-- Names are matched per distinct name in a cluster, not per quote: per quote (every voter against every
-- other) a quote carried 9,000 times made 81 M rows, and a commit of 3,000 copies of one page took 59 s.
INSERT INTO quote_clusters
WITH members AS (
    SELECT
        q.cluster_id, q.quote_id, q.article_id, q.quote_no, q.text, q.speaker, q.attribution,
        a.published_date,
        coalesce(a.agency, a.article_id)                   AS outlet,
        substr(md5(q.quote_id), 1, 16) = q.cluster_id      AS is_root
    FROM quotes AS q
    JOIN articles AS a USING (article_id)
    WHERE q.cluster_id IS NOT NULL
),
ranked AS (
    SELECT *, row_number() OVER (
        PARTITION BY cluster_id ORDER BY published_date NULLS LAST, article_id, quote_no
    ) AS seen_no
    FROM members
),
explicit AS (  -- whether any quote of the cluster is named in its own article
    SELECT cluster_id, coalesce(bool_or(attribution = 'explicit' AND speaker IS NOT NULL), false) AS any_named
    FROM ranked
    GROUP BY cluster_id
),
voters AS (
    SELECT r.cluster_id, r.speaker, r.seen_no
    FROM ranked AS r
    JOIN explicit AS e USING (cluster_id)
    WHERE r.speaker IS NOT NULL AND (r.attribution = 'explicit' OR NOT e.any_named)
),
names AS (  -- each name voted for in a cluster, once
    SELECT DISTINCT cluster_id, speaker FROM voters
),
full_names AS (  -- a name, or the longer name of another voter in the cluster that ends with it
    SELECT v.cluster_id, v.speaker,
           coalesce(max(w.speaker) FILTER (WHERE w.speaker LIKE '% ' || v.speaker), v.speaker) AS name
    FROM names AS v
    LEFT JOIN names AS w ON w.cluster_id = v.cluster_id
    GROUP BY v.cluster_id, v.speaker
),
tally AS (
    SELECT v.cluster_id, f.name, count(*) AS votes, min(v.seen_no) AS first_vote
    FROM voters AS v
    JOIN full_names AS f USING (cluster_id, speaker)
    GROUP BY v.cluster_id, f.name
),
decided AS (
    SELECT
        cluster_id,
        arg_max(name, (votes, -first_vote))                                    AS speaker,
        CASE
            WHEN count(*) = 1 THEN 'unanimous'
            WHEN max(votes) > (list_sort(list(votes), 'DESC'))[2] THEN 'majority'
            ELSE 'first_seen'
        END                                                                    AS speaker_basis
    FROM tally
    GROUP BY cluster_id
)
SELECT
    r.cluster_id,
    any_value(r.text) FILTER (WHERE r.is_root)                    AS canonical_text,
    d.speaker,
    coalesce(d.speaker_basis, 'none')                             AS speaker_basis,
    count(*)                                                      AS n_quotes,
    count(DISTINCT r.article_id)                                  AS n_articles,
    count(DISTINCT r.outlet)                                      AS n_outlets,
    min(r.published_date)                                         AS first_seen,
    any_value(r.article_id) FILTER (WHERE r.seen_no = 1)          AS first_article_id
FROM ranked AS r
LEFT JOIN decided AS d USING (cluster_id)
GROUP BY r.cluster_id, d.speaker, d.speaker_basis
HAVING any_value(r.text) FILTER (WHERE r.is_root) IS NOT NULL;

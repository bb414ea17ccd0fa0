-- Agency share: how many articles credit each wire agency, and their share of all articles.
-- Articles crediting no agency are counted as '(none)'.
SELECT
    coalesce(agency, '(none)')                                       AS agency,
    count(*)                                                         AS n_articles,
    round(count(*) / sum(count(*)) OVER (), 4)                       AS share
FROM articles
GROUP BY ALL
ORDER BY n_articles DESC, agency;

-- Articles that quote nobody: no quote of any kind was found in their body.
-- param limit INTEGER 100: how many articles
SELECT article_id, published_date, agency, n_words, title
FROM articles
WHERE n_quotes = 0
ORDER BY published_date NULLS LAST, article_id
LIMIT $limit;

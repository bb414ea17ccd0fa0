-- The order a run's link step takes its new quotes in (wirehouse/link/stage.py): those with quote keys (not
-- scare quotes, not too short), by their article's place in the run's order (article_order, registered), then
-- by their place in the article. $quotes, $keys: the run's staged quotes and quote_keys parts.
SELECT q.quote_id
FROM read_parquet($quotes) AS q
JOIN article_order AS o USING (article_id)
WHERE q.quote_id IN (SELECT quote_id FROM read_parquet($keys))
ORDER BY o.article_no, q.quote_no;

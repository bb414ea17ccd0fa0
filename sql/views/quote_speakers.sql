-- Every clustered quote's speaker and how it was decided: 'article' when the quote's own article names
-- the speaker (attribution 'explicit' or 'continuation'), 'cluster' when the article left it unresolved or
-- gave only a pronoun and the quote's cluster names one (quote_clusters.speaker), 'unresolved' otherwise.
CREATE OR REPLACE VIEW quote_speakers AS
SELECT
    q.quote_id,
    q.article_id,
    q.cluster_id,
    q.speaker                                       AS article_speaker,
    q.attribution,
    c.speaker                                       AS cluster_speaker,
    CASE
        WHEN q.speaker IS NOT NULL AND q.attribution IN ('explicit', 'continuation') THEN q.speaker
        ELSE coalesce(c.speaker, q.speaker)
    END                                             AS speaker,
    CASE
        WHEN q.speaker IS NOT NULL AND q.attribution IN ('explicit', 'continuation') THEN 'article'
        WHEN c.speaker IS NOT NULL THEN 'cluster'
        WHEN q.speaker IS NOT NULL THEN 'article'
        ELSE 'unresolved'
    END                                             AS speaker_decided_by
FROM quotes AS q
LEFT JOIN quote_clusters AS c USING (cluster_id);

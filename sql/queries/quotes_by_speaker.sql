-- Quotes by a speaker: everything one speaker said, newest first, with the article it appeared in.
-- param speaker VARCHAR: the speaker's canonical name, any case ('Donald Trump', 'kremlin')
-- param limit INTEGER 100: how many quotes
-- The speaker is the one decided for the quote (view quote_speakers: its own article, or its cluster).
SELECT
    a.published_date,
    s.article_id,
    a.title,
    q.kind,
    s.speaker_decided_by,
    q.text
FROM quotes AS q
JOIN quote_speakers AS s USING (quote_id)
JOIN articles AS a ON a.article_id = q.article_id
WHERE lower(s.speaker) = lower($speaker)
ORDER BY a.published_date DESC NULLS LAST, q.article_id, q.quote_no
LIMIT $limit;

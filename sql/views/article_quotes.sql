-- Quotes with their article's title, date and agency: the usual starting point for "who said what".
CREATE OR REPLACE VIEW article_quotes AS
SELECT
    q.article_id,
    a.title,
    a.published_date,
    a.agency,
    q.quote_no,
    q.kind,
    q.speaker,
    q.cue_verb,
    q.attribution,
    q.text
FROM quotes AS q
JOIN articles AS a USING (article_id);

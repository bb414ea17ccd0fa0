-- The prose paragraphs only, as they appear in articles.body.
CREATE OR REPLACE VIEW body_paragraphs AS
SELECT article_id, paragraph_no, start_char, end_char, text
FROM paragraphs
WHERE kind = 'body';

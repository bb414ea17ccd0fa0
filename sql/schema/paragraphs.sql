-- Every paragraph in document order. Only kind 'body' is part of articles.body; captions, promos and
-- headings are kept apart with NULL offsets.
CREATE TABLE paragraphs (
    article_id    VARCHAR NOT NULL,
    paragraph_no  INTEGER NOT NULL,  -- 0-based, document order, all kinds
    kind          VARCHAR NOT NULL,  -- 'body' | 'caption' | 'promo' | 'heading'
    start_char    INTEGER,           -- 0-based, end-exclusive offsets into articles.body
    end_char      INTEGER,
    text          VARCHAR NOT NULL
);

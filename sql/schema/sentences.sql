-- Sentences of body paragraphs: substr(body, start_char + 1, end_char - start_char) = text.
CREATE TABLE sentences (
    article_id    VARCHAR NOT NULL,
    sentence_no   INTEGER NOT NULL,  -- 0-based within the article
    paragraph_no  INTEGER NOT NULL,
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL,
    text          VARCHAR NOT NULL
);

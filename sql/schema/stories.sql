-- Stories: an article and its syndicated copies and rewrites, derived from articles.story_id by
-- sql/models/stories.sql. Every article has a story; most stories have one article.
CREATE TABLE stories (
    story_id                   VARCHAR NOT NULL,  -- md5 of the root article's id, 16 hex digits
    n_articles                 INTEGER NOT NULL,
    first_published            DATE,
    representative_article_id  VARCHAR NOT NULL,  -- the root: every member matched it directly
    title                      VARCHAR
);

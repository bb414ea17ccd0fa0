-- Verified similarity between two articles' bodies, one row per pair, written by the later-processed
-- article (article_id) towards the earlier one (other_article_id).
CREATE TABLE article_links (
    article_id        VARCHAR NOT NULL,
    other_article_id  VARCHAR NOT NULL,
    relation          VARCHAR NOT NULL,  -- 'duplicate' | 'near_duplicate' | 'contains'
    similarity        DOUBLE NOT NULL    -- share of the shorter body's shingles found in the other (estimated)
);

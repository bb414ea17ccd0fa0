-- One utterance carried by many articles: quotes whose normalised texts match or where one contains the
-- other, each matched to the cluster's root quote. Derived from quotes.cluster_id by sql/models/quote_clusters.sql.
CREATE TABLE quote_clusters (
    cluster_id        VARCHAR NOT NULL,  -- md5 of the root quote's id, 16 hex digits
    canonical_text    VARCHAR NOT NULL,  -- the root quote's text
    speaker           VARCHAR,           -- decided from all the cluster's quotes (see speaker_basis)
    speaker_basis     VARCHAR NOT NULL,  -- 'unanimous' | 'majority' | 'tie_first_seen' | 'none'
    n_quotes          INTEGER NOT NULL,
    n_articles        INTEGER NOT NULL,
    n_outlets         INTEGER NOT NULL,  -- credited agencies; an article crediting none counts as its own outlet
    first_seen        DATE,              -- earliest published date among the carrying articles
    first_article_id  VARCHAR NOT NULL   -- the article that carried it first (date, then id)
);

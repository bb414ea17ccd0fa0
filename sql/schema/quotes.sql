-- Who said what: one row per quote, offsets into articles.body, text without its quote marks.
CREATE TABLE quotes (
    quote_id         VARCHAR NOT NULL,  -- hash of article_id, offsets and kind
    article_id       VARCHAR NOT NULL,
    quote_no         INTEGER NOT NULL,  -- 0-based order in the article
    kind             VARCHAR NOT NULL,  -- 'direct' | 'partial' | 'indirect' | 'scare'
    text             VARCHAR NOT NULL,
    start_char       INTEGER NOT NULL,
    end_char         INTEGER NOT NULL,
    paragraph_no     INTEGER NOT NULL,
    speaker_mention  VARCHAR,           -- as written: 'Trump', 'he', 'the Kremlin'
    speaker_start    INTEGER,
    speaker_end      INTEGER,
    speaker          VARCHAR,           -- canonical within the article: 'Donald Trump', 'Kremlin'
    speaker_kind     VARCHAR NOT NULL,  -- 'person' | 'organisation' | 'description' | 'unknown'
    cue_verb         VARCHAR,           -- 'said', 'told', 'adding'
    attribution      VARCHAR NOT NULL,  -- 'explicit' | 'continuation' | 'pronoun' | 'none'
    attribution_rule VARCHAR,           -- the rule that credited the speaker: 'after_quote.subject_first', ...
    speaker_affiliation VARCHAR         -- of a description: 'a Bank of England spokesman' -> 'Bank of England'
);

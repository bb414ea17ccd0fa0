"""Stage 3, segment: body paragraphs in, sentences out, offsets into the article's body."""

import pandas as pd

from wirehouse.segment.sentences import split_sentences

SENTENCE_COLUMNS = ("article_id", "sentence_no", "paragraph_no", "start_char", "end_char", "text")


def segment_sentences(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Split every body paragraph; sentence_no counts from 0 through the whole article."""
    bodies = dict(zip(articles["article_id"].tolist(), articles["body"].tolist(), strict=True))
    body_rows = paragraphs[paragraphs["kind"] == "body"]
    out: dict[str, list] = {name: [] for name in SENTENCE_COLUMNS}
    current, sentence_no, body = None, 0, ""
    for article_id, paragraph_no, start, end in zip(
        body_rows["article_id"].tolist(),
        body_rows["paragraph_no"].tolist(),
        body_rows["start_char"].tolist(),
        body_rows["end_char"].tolist(),
        strict=True,
    ):
        if article_id != current:
            current, sentence_no, body = article_id, 0, bodies[article_id]
        for s_start, s_end in split_sentences(body, start, end):
            out["article_id"].append(article_id)
            out["sentence_no"].append(sentence_no)
            out["paragraph_no"].append(paragraph_no)
            out["start_char"].append(s_start)
            out["end_char"].append(s_end)
            out["text"].append(body[s_start:s_end])
            sentence_no += 1
    return pd.DataFrame(out, columns=list(SENTENCE_COLUMNS))

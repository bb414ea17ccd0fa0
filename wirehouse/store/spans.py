"""Text stored once: a sentence's or body paragraph's text is a slice of `articles.body`, so the Parquet lake
keeps only its offsets, and the text where it is not that slice (a caption, a promo, a heading; or a span
whose offsets would not give its text back, which the quality checks then count).

`SELECT text FROM sentences` still works in the DuckDB file: the text is filled in from `articles.body` as
the rows are loaded (sql/load/spans_from_parquet.sql), so no query there pays for a join. Reading the Parquet
lake directly, `coalesce(s.text, substr(a.body, s.start_char + 1, s.end_char - s.start_char))` gives it.
"""

import pandas as pd

# Tables whose `text` column is a slice of articles.body by (start_char, end_char) wherever that holds.
SPAN_TABLES = ("paragraphs", "sentences")


def stored_form(table: str, frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """`frame` as the Parquet lake stores it: the text of a span table NULL where it is its body slice."""
    if table not in SPAN_TABLES or frame.empty:
        return frame
    bodies = dict(zip(articles["article_id"], articles["body"], strict=True))
    texts = []
    for article_id, start, end, text in zip(
        frame["article_id"], frame["start_char"], frame["end_char"], frame["text"], strict=True
    ):
        body = bodies.get(article_id)
        sliced = body is not None and not pd.isna(start) and not pd.isna(end) and body[int(start) : int(end)] == text
        texts.append(None if sliced else text)
    return frame.assign(text=pd.Series(texts, index=frame.index, dtype=object))

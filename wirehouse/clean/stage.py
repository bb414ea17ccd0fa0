"""Stage 2, parse + clean: decoded texts in, articles and their paragraphs out (offsets into the clean body)."""

import hashlib

import pandas as pd

from wirehouse.clean.parse import parse_article

ARTICLE_COLUMNS = (
    "article_id",
    "file_id",
    "source_path",
    "title",
    "published_date",
    "dateline",
    "dateline_month",
    "dateline_day",
    "agency",
    "body",
    "body_sha256",
    "n_paragraphs",
    "n_words",
)
DATELINE_DAY_TYPES = {"dateline_month": "Int8", "dateline_day": "Int8"}  # NULL when the dateline has no date
PARAGRAPH_COLUMNS = ("article_id", "paragraph_no", "kind", "start_char", "end_char", "text")


def parse_articles(decoded: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One article row per decoded text, and every paragraph (all kinds) in document order."""
    articles: dict[str, list] = {name: [] for name in ARTICLE_COLUMNS}
    paragraphs: dict[str, list] = {name: [] for name in PARAGRAPH_COLUMNS}
    for article_id, file_id, path, text in zip(
        decoded["article_id"].tolist(),
        decoded["file_id"].tolist(),
        decoded["source_path"].tolist(),
        decoded["text"].tolist(),
        strict=True,
    ):
        parsed = parse_article(text)
        body = parsed.body
        n_body = 0
        for number, paragraph in enumerate(parsed.paragraphs):
            paragraphs["article_id"].append(article_id)
            paragraphs["paragraph_no"].append(number)
            paragraphs["kind"].append(paragraph.kind)
            paragraphs["start_char"].append(paragraph.start)
            paragraphs["end_char"].append(paragraph.end)
            paragraphs["text"].append(paragraph.text)
            n_body += paragraph.kind == "body"
        articles["article_id"].append(article_id)
        articles["file_id"].append(file_id)
        articles["source_path"].append(path)
        articles["title"].append(parsed.title)
        articles["published_date"].append(parsed.published_date)
        articles["dateline"].append(parsed.dateline)
        month_day = parsed.dateline_date or (None, None)
        articles["dateline_month"].append(month_day[0])
        articles["dateline_day"].append(month_day[1])
        articles["agency"].append(parsed.agency)
        articles["body"].append(body)
        articles["body_sha256"].append(hashlib.sha256(body.encode("utf-8")).hexdigest())
        articles["n_paragraphs"].append(n_body)
        articles["n_words"].append(len(body.split()))
    return (
        pd.DataFrame(articles, columns=list(ARTICLE_COLUMNS)).astype(
            {"dateline_month": "Int8", "dateline_day": "Int8"}
        ),
        pd.DataFrame(paragraphs, columns=list(PARAGRAPH_COLUMNS)).astype({"start_char": "Int32", "end_char": "Int32"}),
    )

"""The quotes stage takes the batch's sentences (split once, for the `sentences` table) instead of splitting the
paragraphs again: pinned to the stage splitting them itself, on real articles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from pandas.testing import assert_frame_equal

from wirehouse.clean.stage import parse_articles
from wirehouse.quotes.stage import extract_article_quotes
from wirehouse.segment.stage import segment_sentences


def _parsed(shared_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    paths = sorted((shared_dir / "corpora" / "bbc").glob("*/*.txt"))[::8]  # ~280 articles of every desk
    paths += sorted((shared_dir / "corpora" / "reuters21578" / "articles").glob("*.txt"))[:200]
    rows = [(str(p), str(p), str(p), p.read_text(encoding="utf-8", errors="replace")) for p in paths]
    return parse_articles(pd.DataFrame(rows, columns=["article_id", "file_id", "source_path", "text"]))


def test_the_batch_sentences_give_the_same_quotes(shared_dir: Path) -> None:
    articles, paragraphs = _parsed(shared_dir)
    sentences = segment_sentences(articles, paragraphs)
    given = extract_article_quotes(articles, paragraphs, sentences)
    assert len(given) > 1000 and given["speaker"].notna().sum() > 500
    assert_frame_equal(given, extract_article_quotes(articles, paragraphs))

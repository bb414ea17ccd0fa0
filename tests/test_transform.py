"""The whole batch pipeline as a pure function over frames: no Prefect, no warehouse, real text."""

from datetime import datetime

import pandas as pd
import pytest

from wirehouse.batch import transform
from wirehouse.ids import file_id
from wirehouse.ingest.discover import discover
from wirehouse.plan import TO_READ_COLUMNS

NOW = datetime(2026, 11, 25, 12, 0, 0)


def to_read(paths: list[str], known: dict[str, str] | None = None) -> pd.DataFrame:
    found = discover(paths)
    known = known or {}
    rows = [
        (file_id(f.source_path), f.source_path, f.article_name, f.size_bytes, f.mtime_ns, known.get(f.source_path))
        for f in found
    ]
    return pd.DataFrame(rows, columns=list(TO_READ_COLUMNS))


@pytest.fixture(scope="module")
def bbc_politics(shared_dir):
    return transform(to_read([str(shared_dir / "corpora/bbc/politics")]), "run-1", NOW)


def test_one_row_per_article_and_consistent_counts(bbc_politics, shared_dir):
    n_files = len(list((shared_dir / "corpora/bbc/politics").glob("*.txt")))
    articles = bbc_politics.articles
    assert len(articles) == n_files == len(bbc_politics.files) == len(bbc_politics.raw_articles)
    assert bbc_politics.rejects.empty and bbc_politics.touched.empty
    assert articles["article_id"].is_unique
    sentences_per_article = bbc_politics.sentences.groupby("article_id").size()
    assert (articles.set_index("article_id")["n_sentences"] == sentences_per_article).all()
    first = articles.set_index("article_id").loc["001"]
    assert first["title"] == "Labour plans maternity pay rise"
    assert first["body"].startswith("Maternity pay for new mothers is to rise by £1,400")


def test_offsets_slice_bodies_exactly(bbc_politics):
    bodies = dict(zip(bbc_politics.articles["article_id"], bbc_politics.articles["body"], strict=True))
    for table in (bbc_politics.sentences, bbc_politics.quotes, bbc_politics.paragraphs.dropna(subset=["start_char"])):
        for article_id, start, end, text in zip(
            table["article_id"], table["start_char"], table["end_char"], table["text"], strict=True
        ):
            assert bodies[article_id][start:end] == text


def test_quotes_have_speakers_on_real_bbc_text(bbc_politics):
    quotes = bbc_politics.quotes[bbc_politics.quotes["article_id"] == "001"]
    hewitt = quotes[quotes["text"].str.startswith("We have already doubled the length of maternity pay")]
    assert hewitt["speaker"].tolist() == ["Patricia Hewitt"]
    may = quotes[quotes["text"].str.startswith("These plans were announced by Gordon Brown")]
    assert may["speaker"].tolist() == ["Theresa May"]


def test_unchanged_bytes_are_touched_not_reprocessed(shared_dir):
    folder = shared_dir / "corpora/bbc/politics"
    first = transform(to_read([str(folder / "001.txt")]), "run-1", NOW)
    sha = first.files["content_sha256"].iloc[0]
    again = transform(to_read([str(folder / "001.txt")], {str(folder / "001.txt"): sha}), "run-2", NOW)
    assert again.articles.empty and again.files.empty
    assert again.touched["file_id"].tolist() == first.files["file_id"].tolist()

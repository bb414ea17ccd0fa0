"""Text stored once: the Parquet lake keeps sentence and body-paragraph texts as offsets into articles.body,
the DuckDB file has them filled back in (same rows, same text), and raw text is kept as it arrived."""

import duckdb
import pandas as pd
import pyarrow.parquet as pq

from tests.builder import build
from wirehouse.schema import read_sql, table_ddl
from wirehouse.store.duckdb_build import _insert
from wirehouse.store.layout import DUCKDB_NAME, Warehouse
from wirehouse.store.parquet import read_parts, to_arrow, write_part
from wirehouse.store.spans import stored_form

A001 = "001_468d0ff313ca5494"
TRUMP = (
    '"I congratulated him on the victory, the electoral victory," Trump told reporters at the White House '
    "while meeting Saudi Crown Prince Mohammed bin Salman."
)


def test_parquet_keeps_offsets_and_duckdb_gives_the_text_back(inbox, tmp_path):
    wh = tmp_path / "wh"
    build([str(inbox)], wh)
    snapshot = Warehouse(wh.resolve()).current_snapshot()
    sentences = read_parts(snapshot / "parquet" / "sentences", "sentences").to_pandas()
    paragraphs = read_parts(snapshot / "parquet" / "paragraphs", "paragraphs").to_pandas()
    assert len(sentences) == 16 + 23 and sentences["text"].isna().all()  # every sentence is its body slice
    body = paragraphs[paragraphs["kind"] == "body"]
    assert len(body) > 10 and body["text"].isna().all()
    kept = paragraphs[paragraphs["kind"] != "body"]  # captions and promos are not in the body: kept as text
    assert kept["text"].str.startswith("US President Donald Trump (L) ").any()
    assert kept["text"].str.startswith("READ: Re-elected Putin to addr").any()

    con = duckdb.connect(str(snapshot / DUCKDB_NAME), read_only=True)
    try:
        texts = [t for (t,) in con.execute("SELECT text FROM sentences WHERE article_id = ? ORDER BY sentence_no",
                                           [A001]).fetchall()]  # fmt: skip
        assert TRUMP in texts and len(texts) == 23
        for table in ("sentences", "paragraphs"):
            sliced = con.execute(
                f"SELECT count(*), count(*) FILTER (WHERE substr(a.body, t.start_char + 1, t.end_char - t.start_char)"
                f" = t.text) FROM {table} t JOIN articles a USING (article_id) WHERE t.start_char IS NOT NULL"
            ).fetchone()
            assert sliced[0] == sliced[1] > 10, table
        assert con.execute("SELECT count(*) FROM paragraphs WHERE text IS NULL").fetchone() == (0,)
        raw = con.execute("SELECT raw_text FROM raw_articles WHERE article_id = ?", [A001]).fetchone()[0]
        assert raw == (inbox / f"{A001}.txt").read_text(encoding="utf-8")
    finally:
        con.close()


def test_a_span_whose_offsets_miss_its_text_keeps_it_and_the_check_counts_it(tmp_path):
    articles = pd.DataFrame({"article_id": ["a"], "body": ["Hello world. Bye now."], "run_id": ["r1"]})
    sentences = pd.DataFrame(
        {
            "article_id": ["a", "a"],
            "sentence_no": [0, 1],
            "paragraph_no": [0, 0],
            "start_char": [0, 13],
            "end_char": [12, 20],  # one short: 'Bye now' is not 'Bye now.'
            "text": ["Hello world.", "Bye now."],
        }
    )
    stored = stored_form("sentences", sentences, articles)
    assert stored["text"].tolist() == [None, "Bye now."]
    assert stored_form("quotes", sentences, articles) is sentences  # only span tables lose their text

    part = write_part(to_arrow("sentences", stored), tmp_path / "sentences" / "p.parquet")
    assert pq.read_table(part)["text"].to_pylist() == [None, "Bye now."]
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        for table in ("articles", "sentences"):
            con.execute(table_ddl(table))
        con.execute(
            "INSERT INTO articles (article_id, file_id, source_path, body, body_sha256, n_paragraphs, n_sentences,"
            " n_words, n_quotes, run_id) VALUES ('a', 'f', 'a.txt', 'Hello world. Bye now.', '', 1, 2, 4, 0, 'r1')"
        )
        _insert(con, "sentences", [part])
        rows = con.execute("SELECT start_char, end_char, text FROM sentences ORDER BY sentence_no").fetchall()
        assert rows == [(0, 12, "Hello world."), (13, 20, "Bye now.")]
        assert con.execute(read_sql("checks/sentence_offsets.sql"), {"run_id": "r1"}).fetchone() == (1,)
    finally:
        con.close()

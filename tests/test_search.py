"""Full-text search: our BM25 over per-run postings ranks like DuckDB's fts index on the same documents."""

import duckdb
import pyarrow as pa
import pytest

from wirehouse.clean.parse import parse_article
from wirehouse.cli import main
from wirehouse.schema import create_tables, read_sql
from wirehouse.search.index import WORDS_SEPARATORS, _words, postings
from wirehouse.search.snippets import query_terms, snippet
from wirehouse.store.readonly import bundled_extension

QUOTE_COLUMNS = ("article_id", "quote_id", "quote_no", "text")
QUERIES = ("arms race", "election", "mobile phone", "oil prices", "football club manager", "Blair Brown")


@pytest.fixture(scope="module")
def bbc_db(shared_dir):
    """An in-memory database holding 300 BBC articles' postings (ours) and an fts index (DuckDB's)."""
    paths = sorted((shared_dir / "corpora" / "bbc").glob("*/*.txt"))[::7][:300]
    rows = []
    for path in paths:
        parsed = parse_article(path.read_text(encoding="utf-8"))
        rows.append((f"{path.parent.name}/{path.stem}", parsed.title, parsed.body))
    articles = pa.table(dict(zip(("article_id", "title", "body"), map(list, zip(*rows, strict=False)), strict=True)))
    quotes = pa.table(
        {
            "article_id": pa.array([], pa.string()),
            "quote_id": pa.array([], pa.string()),
            "quote_no": pa.array([], pa.int32()),
            "text": pa.array([], pa.string()),
        }
    )
    terms, docs = postings(articles, quotes)
    con = duckdb.connect(":memory:")
    create_tables(con)
    con.register("terms_frame", terms)
    con.register("docs_frame", docs)
    con.execute("INSERT INTO search_terms SELECT * FROM terms_frame")
    con.execute("INSERT INTO search_docs SELECT * FROM docs_frame")
    for view in ("quote_speakers", "search"):
        con.execute(read_sql(f"views/{view}.sql"))
    con.register("article_frame", articles)
    con.execute("CREATE TABLE fts_docs AS SELECT article_id, concat_ws(' ', title, body) AS text FROM article_frame")
    con.execute(f"LOAD '{bundled_extension('fts')}'")
    con.execute(
        "PRAGMA create_fts_index('fts_docs', 'article_id', 'text', stemmer = 'none', stopwords = 'none', "
        "ignore = '[^a-z0-9]+', strip_accents = 1, lower = 1)"
    )
    yield con
    con.close()


@pytest.mark.parametrize("query", QUERIES)
def test_bm25_ranks_like_the_fts_extension(bbc_db, query):
    ours = bbc_db.execute(
        "SELECT article_id, score FROM search_bm25(?, 'article') ORDER BY score DESC, article_id LIMIT 20", [query]
    ).fetchall()
    theirs = bbc_db.execute(
        "SELECT article_id, score FROM (SELECT article_id, fts_main_fts_docs.match_bm25(article_id, ?) AS score "
        "FROM fts_docs) WHERE score IS NOT NULL ORDER BY score DESC, article_id LIMIT 20",
        [query],
    ).fetchall()
    assert len(ours) >= 3
    assert [doc for doc, _ in ours] == [doc for doc, _ in theirs]
    assert [round(score, 9) for _, score in ours] == [round(score, 9) for _, score in theirs]


def test_postings_count_terms_per_document():
    articles = pa.table({"article_id": ["a"], "title": ["Arms race"], "body": ["The arms race: ARMS, arms; Café."]})
    quotes = pa.table(
        {"article_id": ["a", "a"], "quote_id": ["q", "r"], "quote_no": [0, 1], "text": ["an arms race", "-Straße-"]}
    )
    terms, docs = postings(articles, quotes)
    assert terms.to_pylist() == [  # sorted by term, then document: each term's rows together
        {"term": "an", "article_id": "a", "doc_no": 1, "tf": 1, "doc_len": 3},
        {"term": "arms", "article_id": "a", "doc_no": 0, "tf": 4, "doc_len": 8},
        {"term": "arms", "article_id": "a", "doc_no": 1, "tf": 1, "doc_len": 3},
        {"term": "cafe", "article_id": "a", "doc_no": 0, "tf": 1, "doc_len": 8},
        # "-Straße-": ß is no accent, DuckDB's strip_accents keeps it, so it separates "stra" and "e"
        {"term": "e", "article_id": "a", "doc_no": 2, "tf": 1, "doc_len": 2},
        {"term": "race", "article_id": "a", "doc_no": 0, "tf": 2, "doc_len": 8},
        {"term": "race", "article_id": "a", "doc_no": 1, "tf": 1, "doc_len": 3},
        {"term": "stra", "article_id": "a", "doc_no": 2, "tf": 1, "doc_len": 2},
        {"term": "the", "article_id": "a", "doc_no": 0, "tf": 1, "doc_len": 8},
    ]
    assert docs.to_pylist() == [
        {"article_id": "a", "doc_no": 0, "doc_id": "a", "doc_kind": "article", "doc_len": 8},
        {"article_id": "a", "doc_no": 1, "doc_id": "q", "doc_kind": "quote", "doc_len": 3},
        {"article_id": "a", "doc_no": 2, "doc_id": "r", "doc_kind": "quote", "doc_len": 2},
    ]
    con = duckdb.connect(":memory:")  # the query side folds "Straße" the same way
    con.execute(read_sql("views/search.sql").split("CREATE OR REPLACE MACRO search_bm25")[0])
    assert sorted(con.execute("SELECT search_tokens('STRAßE, Café')").fetchone()[0]) == ["cafe", "e", "stra"]


def test_snippet_marks_the_match():
    text = "Leaders met on Tuesday. They agreed to avoid a possible arms race, the Kremlin said, adding more."
    assert query_terms("Arms-Race!") == ["arms", "race"]
    assert (
        snippet(text, ["arms", "race"], width=60) == "…to avoid a possible «arms race», the Kremlin said, adding more…"
    )


def test_search_command_on_the_seeds(seed_warehouse, capsys):
    assert main(["search", "arms race", "--warehouse", str(seed_warehouse)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(" 1.   0.28  no date  Trump congratulates Putin on election win  [001_468d0ff313ca5494]")
    assert "discuss the «arms race» and crises in Ukraine" in lines[1]
    assert lines[2].startswith(" 2.   0.23  2018-03-20  (no title)  (Reuters)  [000_f586c72162ac7c3d]")
    assert lines[-1] == "(2 articles)"

    argv = ["search", "meeting", "--quotes", "--speaker", "KREMLIN", "--since", "2018-03-01", "--limit", "1"]
    assert main([*argv, "--warehouse", str(seed_warehouse)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        " 1.   0.84  2018-03-20  (no title)  — Kremlin  [000_f586c72162ac7c3d]",
        "    …orking through the question of a possible high-level «meeting».",
        "(1 quote)",
    ]
    assert main(["search", "?!", "--warehouse", str(seed_warehouse)]) == 2
    assert capsys.readouterr().err == "wirehouse: the query has no words to search for\n"


def test_words_folded_alone_give_the_tokens_of_their_whole_text():
    # only non-ASCII words are folded (by DuckDB), each alone: combining marks, a Kelvin sign, a dotted İ,
    # ligatures and a £ must still give search_tokens()' terms for the whole text
    text = "e\u0301te\u0301 \u212aelvin İstanbul, ﬁne £5m; Ⅻ (naïve)-Straße x\u0301y"
    articles = pa.table({"article_id": ["a"], "title": ["Zoë"], "body": [text]})
    no_quotes = pa.table({n: pa.array([], pa.int32() if n == "quote_no" else pa.string()) for n in QUOTE_COLUMNS})
    terms, _ = postings(articles, no_quotes)
    con = duckdb.connect(":memory:")
    con.execute(read_sql("views/search.sql").split("CREATE OR REPLACE MACRO search_bm25")[0])
    expected = con.execute("SELECT list_sort(search_tokens(?))", ["Zoë " + text]).fetchone()[0]
    assert terms.column("term").to_pylist() == expected
    assert "kelvin" in expected and "stra" in expected and "5m" in expected


@pytest.mark.parametrize("chunk_bytes", [1 << 19, 3_000, 1])  # the texts at once, ~2 articles, one text a run
def test_the_byte_split_gives_the_regex_split(shared_dir, monkeypatch, chunk_bytes):
    """_words() (numpy over the UTF-8 bytes) gives pyarrow's regex split of the ASCII-lower-cased texts, word
    for word and text for text: on edge cases (empty and null texts, separators at both ends, non-ASCII words,
    a sliced array) and on 200 real BBC articles, however many texts it takes at once."""
    import pyarrow.compute as pc

    monkeypatch.setattr("wirehouse.settings.TEXT_CHUNK_BYTES", chunk_bytes)
    paths = sorted((shared_dir / "corpora" / "bbc").glob("*/*.txt"))[::11][:200]
    edge = ["", None, "--A--", "Zoë's café, Straße!", "x", "...", "ÉTÉ été", "a\u2019b c—d", "1,000.5 ", "\n\t"]
    for texts in (pa.array(edge * 3).slice(2), pa.array([p.read_text(encoding="latin-1") for p in paths])):
        split = pc.split_pattern_regex(pc.ascii_lower(texts), WORDS_SEPARATORS)
        expected_words = pc.list_flatten(split)
        keep = pc.not_equal(expected_words, "").to_numpy(zero_copy_only=False)
        words, text_of_word, plain = _words(texts)
        assert words.to_pylist() == pc.filter(expected_words, keep).to_pylist()
        assert text_of_word.tolist() == pc.list_parent_indices(split).to_numpy()[keep].tolist()
        assert plain.tolist() == pc.string_is_ascii(words).to_pylist()
        assert len(words) > (70_000 if len(texts) == 200 else 20)


def test_each_batch_writes_the_postings_of_its_own_articles(prefect_harness, tmp_path):
    """Postings are built in the batch workers, one part per batch: together they are the postings of all the
    run's articles and quotes taken at once (a term's rows in two parts, each with its own document's tf)."""
    import shutil

    from wirehouse.flows.news_etl import news_etl

    from wirehouse.paths import SEEDS_DIR
    from wirehouse.store.layout import Warehouse

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, inbox / path.name)
    summary = news_etl(paths=[str(inbox)], warehouse=str(tmp_path / "wh"), batch_size=1)
    assert (summary.status, summary.n_articles) == ("committed", 2)
    snapshot = Warehouse(tmp_path / "wh").current_snapshot()
    assert len(list((snapshot / "parquet" / "search_terms").glob("*.parquet"))) == 2  # one per batch

    con = duckdb.connect(str(snapshot / "wirehouse.duckdb"), read_only=True)
    articles = con.execute("SELECT article_id, title, body FROM articles").fetch_arrow_table()
    quotes = con.execute(f"SELECT {', '.join(QUOTE_COLUMNS)} FROM quotes").fetch_arrow_table()
    terms, docs = postings(articles, quotes)
    stored_terms = con.execute("SELECT * FROM search_terms").fetch_arrow_table()
    stored_docs = con.execute("SELECT * FROM search_docs").fetch_arrow_table()
    in_storage_order = [term for (term,) in con.execute("SELECT term FROM search_terms ORDER BY rowid").fetchall()]
    con.close()
    assert in_storage_order == sorted(in_storage_order)  # the commit loads the batches' parts sorted by term
    key = [("term", "ascending"), ("article_id", "ascending"), ("doc_no", "ascending")]
    assert stored_terms.num_rows > 1_000 and stored_docs.num_rows == 2 + quotes.num_rows
    assert stored_terms.sort_by(key).to_pylist() == terms.sort_by(key).to_pylist()
    doc_key = [("article_id", "ascending"), ("doc_no", "ascending")]
    assert stored_docs.sort_by(doc_key).to_pylist() == docs.sort_by(doc_key).to_pylist()
    # a term of both seeds has a row per article, each counted in its own text
    putin = [row for row in stored_terms.to_pylist() if row["term"] == "putin" and row["doc_no"] == 0]
    assert len(putin) == 2 and all(row["tf"] >= 1 for row in putin)

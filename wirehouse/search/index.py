"""A run's search postings, computed by DuckDB from the run's staged articles and quotes.

The cost follows the run: only the run's documents are tokenised, and their postings are written as the
run's parts of `search_terms` and `search_docs` (article-keyed, so a replaced article leaves its postings).
Collection statistics (document count, average length) are read at query time from `search_docs`.
"""

from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from wirehouse.schema import arrow_schema, read_sql
from wirehouse.store.parquet import read_parts, write_part


def index_run(staging: Path, run_id: str) -> int:
    """Write the postings of the run's staged documents; returns how many documents were indexed."""
    articles = read_parts(staging / "articles", "articles", columns=["article_id", "title", "body"])
    if articles.num_rows == 0:
        return 0
    quotes = read_parts(staging / "quotes", "quotes", columns=["article_id", "quote_id", "text"])
    terms, docs = postings_tables(articles, quotes)
    name = f"{run_id}-search.parquet"
    write_part(terms, staging / "search_terms" / name)
    write_part(docs, staging / "search_docs" / name)
    return docs.num_rows


_DOCS = "SELECT DISTINCT article_id, doc_id, doc_kind, doc_len FROM run_postings ORDER BY doc_kind, doc_id"


def postings(articles: pa.Table, quotes: pa.Table) -> tuple[pd.DataFrame, pd.DataFrame]:
    """search_terms and search_docs rows for articles (article_id, title, body) and quotes (article_id,
    quote_id, text)."""
    con = _run_postings(articles, quotes)
    try:
        return con.execute("SELECT * FROM run_postings").df(), con.execute(_DOCS).df()
    finally:
        con.close()


def postings_tables(articles: pa.Table, quotes: pa.Table) -> tuple[pa.Table, pa.Table]:
    """`postings` as Arrow tables in the schema's types, ready to write: no pandas frame of millions of
    postings on the way (the frame and its conversion back to Arrow were 40 % of the link step's search
    indexing at 100,000 articles). tests/test_search.py pins it to `postings`."""
    con = _run_postings(articles, quotes)
    try:
        terms = con.execute("SELECT * FROM run_postings").fetch_arrow_table()
        docs = con.execute(_DOCS).fetch_arrow_table()
    finally:
        con.close()
    return _in_schema("search_terms", terms), _in_schema("search_docs", docs)


def _run_postings(articles: pa.Table, quotes: pa.Table) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    try:
        con.register("run_articles", articles)
        con.register("run_quotes", quotes)
        con.execute(read_sql("search/postings.sql"))
    except BaseException:
        con.close()
        raise
    return con


def _in_schema(table: str, data: pa.Table) -> pa.Table:
    schema = arrow_schema(table)
    return data.select(schema.names).cast(schema)

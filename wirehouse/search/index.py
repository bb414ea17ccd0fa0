"""A run's search postings, computed by DuckDB from the run's staged articles and quotes.

The cost follows the run: only the run's documents are tokenised, and their postings are written as the
run's parts of `search_terms` and `search_docs` (article-keyed, so a replaced article leaves its postings).
Collection statistics (document count, average length) are read at query time from `search_docs`.
"""

from pathlib import Path

import duckdb
import pyarrow as pa

from wirehouse.schema import arrow_schema, read_sql
from wirehouse.store.parquet import read_parts, write_part


def index_run(staging: Path, run_id: str) -> int:
    """Write the postings of the run's staged documents; returns how many documents were indexed."""
    articles = read_parts(staging / "articles", "articles", columns=["article_id", "title", "body"])
    if articles.num_rows == 0:
        return 0
    quotes = read_parts(staging / "quotes", "quotes", columns=["article_id", "quote_id", "text"])
    terms, docs = postings(articles, quotes)
    name = f"{run_id}-search.parquet"
    write_part(terms, staging / "search_terms" / name)
    write_part(docs, staging / "search_docs" / name)
    return docs.num_rows


def postings(articles: pa.Table, quotes: pa.Table) -> tuple[pa.Table, pa.Table]:
    """search_terms and search_docs rows (Arrow, in the tables' schemas) for articles (article_id, title,
    body) and quotes (article_id, quote_id, text). Arrow all the way: no pandas objects per posting."""
    con = duckdb.connect(":memory:")
    try:
        con.register("run_articles", articles)
        con.register("run_quotes", quotes)
        con.execute(read_sql("search/postings.sql"))
        terms = con.execute("SELECT * FROM run_postings").fetch_arrow_table()
        docs = con.execute(
            "SELECT DISTINCT article_id, doc_id, doc_kind, doc_len FROM run_postings ORDER BY doc_kind, doc_id"
        ).fetch_arrow_table()
    finally:
        con.close()
    return tuple(
        table.select(arrow_schema(name).names).cast(arrow_schema(name))
        for table, name in ((terms, "search_terms"), (docs, "search_docs"))
    )

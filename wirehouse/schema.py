"""The one schema: DDL in `sql/schema/*.sql`, and the Arrow schemas Parquet is written with, derived from it.

DuckDB itself translates the DDL into Arrow types (by creating the tables in memory and asking for an empty
result), so Parquet and DuckDB cannot drift apart: there is nothing to keep in sync by hand.
"""

from functools import cache

import duckdb
import pyarrow as pa

from wirehouse.paths import SQL_DIR
from wirehouse.scratch import scratch_db

SCHEMA_DIR = SQL_DIR / "schema"

# Tables the pipeline writes batch by batch, keyed by article: old rows are replaced article by article.
ARTICLE_TABLES = ("articles", "raw_articles", "paragraphs", "sentences", "quotes")
ARTICLE_TABLES += ("story_keys", "story_sample", "article_links", "quote_keys")  # cross-article (wirehouse/link/)
ARTICLE_TABLES += ("search_docs", "search_terms")  # full-text search postings (wirehouse/search/)
# Article tables whose rows also name another article: a replaced article leaves those rows too.
ARTICLE_KEYS = {"article_links": ("article_id", "other_article_id")}
# Small tables rewritten whole on every committing run.
MANIFEST_TABLES = ("files", "rejects", "runs")
# Tables DuckDB derives from the others (sql/models/), exported back to Parquet.
DERIVED_TABLES = ("speakers", "stories", "quote_clusters")
TABLES = ARTICLE_TABLES + MANIFEST_TABLES + DERIVED_TABLES
# Tables kept as Parquet parts only, never loaded into the DuckDB file: the link step's private indexes, which
# it reads from the lake's parts (wirehouse/link/) and no view, model, check or named query reads. They are
# article tables like the others (written by the batches, carried over and cleared of a replaced article's rows
# by the commit); at 100,000 articles they were 133 MB of the 817 MB DuckDB file (quote_keys 72.4 MB,
# story_keys 49.0, story_sample 11.3: README, Speed).
LAKE_TABLES = ("story_keys", "story_sample", "quote_keys")
# Tables of the DuckDB file: every table but the lake-only ones.
DUCKDB_TABLES = tuple(table for table in TABLES if table not in LAKE_TABLES)
# The article tables the DuckDB file holds (the lake-only ones are carried over in Parquet by the commit alone).
LOADED_ARTICLE_TABLES = tuple(table for table in ARTICLE_TABLES if table not in LAKE_TABLES)
# A staging-only table (never in the warehouse): files whose content did not change, with their new size and mtime.
TOUCHED = "touched"
TOUCHED_SCHEMA = pa.schema([("file_id", pa.string()), ("size_bytes", pa.int64()), ("mtime_ns", pa.int64())])


def article_keys(table: str) -> tuple[str, ...]:
    """The columns naming an article in an article table: rows of replaced articles are dropped by each."""
    return ARTICLE_KEYS.get(table, ("article_id",))


def read_sql(relative_path: str) -> str:
    """Text of one file under sql/, e.g. 'models/speakers.sql'."""
    return (SQL_DIR / relative_path).read_text(encoding="utf-8")


def table_ddl(table: str) -> str:
    if table not in TABLES:
        raise KeyError(f"unknown table {table!r}")
    return read_sql(f"schema/{table}.sql")


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    for table in TABLES:
        con.execute(table_ddl(table))


@cache
def arrow_schemas() -> dict[str, pa.Schema]:
    """Arrow schema of every table, as DuckDB maps the DDL (nullability included)."""
    con = scratch_db()
    try:
        create_tables(con)
        schemas = {}
        for table in TABLES:
            empty = con.table(table).limit(0).fetch_arrow_table()
            nullable = dict(con.execute(read_sql("meta/table_columns.sql"), {"table": table}).fetchall())
            schemas[table] = pa.schema([field.with_nullable(nullable[field.name]) for field in empty.schema])
        return schemas
    finally:
        con.close()


def arrow_schema(table: str) -> pa.Schema:
    return arrow_schemas()[table]

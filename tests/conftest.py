"""Shared fixtures: the repo's seeds and the read-only corpora in ../shared."""

from pathlib import Path

import pytest

from wirehouse.paths import PROJECT_ROOT, SEEDS_DIR

SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    """A fresh inbox holding copies of the two seed articles (a test may add or change files in it)."""
    import shutil

    folder = tmp_path / "inbox"
    folder.mkdir()
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


def seed_text(name: str) -> str:
    return (SEEDS_DIR / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect server (SQLite) for every flow test of the session."""
    from wirehouse.prefect_env import configure

    configure()
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Rows of a read-only query against a warehouse's published DuckDB file."""
    import duckdb

    con = duckdb.connect(str(warehouse / "wirehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def table_contents(warehouse: Path, tables: tuple[str, ...]) -> dict[str, list[tuple]]:
    """Every row of each table, sorted: equal dicts mean equal warehouses. A lake-only table (LAKE_TABLES) is
    read from its Parquet parts, the only place it is kept."""
    from wirehouse.schema import LAKE_TABLES

    lake = parquet_contents(warehouse, tuple(table for table in tables if table in LAKE_TABLES))
    return {
        table: lake[table] if table in LAKE_TABLES else sorted(query(warehouse, f"SELECT * FROM {table}"), key=repr)
        for table in tables
    }


@pytest.fixture(scope="session")
def seed_warehouse(prefect_harness, tmp_path_factory) -> Path:
    """A warehouse built by the news-etl flow from copies of the two seed articles (read-only for tests)."""
    import shutil

    from wirehouse.flows.news_etl import news_etl

    inbox = tmp_path_factory.mktemp("inbox")
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, inbox / path.name)
    target = tmp_path_factory.mktemp("warehouse")
    summary = news_etl(paths=[str(inbox)], warehouse=str(target))
    assert (summary.status, summary.n_articles, summary.n_rejects) == ("committed", 2, 0)
    return target


def parquet_contents(warehouse: Path, tables: tuple[str, ...]) -> dict[str, list[tuple]]:
    """Every row of each table as its published Parquet parts hold it, sorted like table_contents."""
    import duckdb

    from wirehouse.store.spans import SPAN_TABLES

    con = duckdb.connect(":memory:")
    try:
        contents = {}
        for table in tables:
            parts = sorted(str(p) for p in (warehouse / "parquet" / table).glob("*.parquet"))
            sql = "SELECT * FROM read_parquet(?)"
            if table in SPAN_TABLES:  # texts that are body slices are stored as offsets (wirehouse/store/spans.py)
                bodies = str(warehouse / "parquet" / "articles" / "*.parquet")
                sql = (
                    "SELECT s.* REPLACE (coalesce(s.text, substr(a.body, s.start_char + 1, s.end_char - s.start_char))"
                    f" AS text) FROM read_parquet(?) s LEFT JOIN read_parquet('{bodies}') a USING (article_id)"
                )
            rows = con.execute(sql, [parts]).fetchall() if parts else []
            contents[table] = sorted(rows, key=repr)
        return contents
    finally:
        con.close()


def lake_index_of(warehouse: Path) -> dict[str, list[tuple]]:
    """What the lake-only tables must hold for the DuckDB file's articles and quotes: their story and quote keys
    computed again from the stored bodies and quote texts, with no story or cluster id (the articles and quotes
    hold those), sorted like parquet_contents. Keys of a replaced article's
    earlier version are not among them."""
    import pandas as pd

    from wirehouse.link.index import sample_rows
    from wirehouse.link.quotes import quote_keys
    from wirehouse.link.shingles import story_keys
    from wirehouse.store.parquet import to_arrow

    articles = pd.DataFrame(
        query(warehouse, "SELECT article_id, body, story_id FROM articles"), columns=["article_id", "body", "story_id"]
    )
    keys = story_keys(articles["article_id"].tolist(), articles["body"].tolist())
    keys["story_id"] = None
    columns = ["article_id", "quote_id", "kind", "text", "cluster_id"]
    quotes = pd.DataFrame(query(warehouse, f"SELECT {', '.join(columns)} FROM quotes"), columns=columns)
    quote_rows = quote_keys(quotes)
    quote_rows["cluster_id"] = None
    tables = {
        "story_keys": to_arrow("story_keys", keys),
        "story_sample": to_arrow("story_sample", sample_rows(keys)),
        "quote_keys": to_arrow("quote_keys", quote_rows),
    }
    return {
        name: sorted(zip(*(c.to_pylist() for c in table.columns), strict=True), key=repr)
        for name, table in tables.items()
    }


def assert_stores_agree(warehouse: Path) -> None:
    """The DuckDB file holds exactly its tables' Parquet parts and no lake-only table; the lake-only tables' parts
    hold exactly the keys of the file's articles and quotes (lake_index_of)."""
    from wirehouse.schema import DUCKDB_TABLES, LAKE_TABLES

    assert table_contents(warehouse, DUCKDB_TABLES) == parquet_contents(warehouse, DUCKDB_TABLES)
    in_file = {name for (name,) in query(warehouse, "SELECT table_name FROM duckdb_tables()")}
    assert in_file >= set(DUCKDB_TABLES) and not in_file & set(LAKE_TABLES)
    assert parquet_contents(warehouse, LAKE_TABLES) == lake_index_of(warehouse)

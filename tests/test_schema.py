"""One schema, in sql/schema: the DuckDB tables and every Parquet part agree with it exactly; the lake-only
tables are Parquet parts alone."""

import pyarrow.parquet as pq

from tests.conftest import lake_index_of, parquet_contents, query
from wirehouse.schema import DUCKDB_TABLES, LAKE_TABLES, TABLES, arrow_schema, table_ddl


def test_every_table_has_ddl_and_an_arrow_schema():
    for table in TABLES:
        assert f"CREATE TABLE {table} (" in table_ddl(table)
        assert len(arrow_schema(table)) >= 3


def test_duckdb_tables_match_the_ddl(seed_warehouse):
    import duckdb

    reference = duckdb.connect(":memory:")
    for table in DUCKDB_TABLES:
        reference.execute(table_ddl(table))
    describe = (
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_name = ? ORDER BY ordinal_position"
    )
    for table in DUCKDB_TABLES:
        expected = reference.execute(describe, [table]).fetchall()
        assert query(seed_warehouse, describe, [table]) == expected, table


def test_parquet_parts_match_the_ddl(seed_warehouse):
    for table in TABLES:
        parts = sorted((seed_warehouse / "parquet" / table).glob("*.parquet"))
        if table not in ("quotes", "rejects"):
            assert parts, table
        for part in parts:
            assert pq.read_schema(part).remove_metadata() == arrow_schema(table), (table, part.name)


def test_reference_seeds_are_tables(seed_warehouse):
    tables = {name for (name,) in query(seed_warehouse, "SELECT table_name FROM information_schema.tables")}
    assert {"speech_verbs", "titles", "agencies", "outlets"} <= tables
    assert {"article_quotes", "body_paragraphs"} <= tables


def test_parquet_and_duckdb_hold_the_same_rows(seed_warehouse):
    for table in DUCKDB_TABLES:
        parts = sorted((seed_warehouse / "parquet" / table).glob("*.parquet"))
        in_parquet = sum(pq.read_metadata(part).num_rows for part in parts)
        assert query(seed_warehouse, f"SELECT count(*) FROM {table}") == [(in_parquet,)], table
    body_ids = query(
        seed_warehouse,
        "SELECT count(*) FROM read_parquet(?) p JOIN articles a USING (article_id) WHERE p.body = a.body",
        [str(seed_warehouse / "parquet" / "articles" / "*.parquet")],
    )
    assert body_ids == [(2,)]


def test_lake_tables_are_parquet_parts_only(seed_warehouse):
    """The link step's indexes are not in the DuckDB file, and their parts hold exactly the keys of its articles
    and quotes, each row as the link step wrote it (story and cluster included)."""
    assert set(LAKE_TABLES) == {"story_keys", "story_sample", "quote_keys"}
    assert set(DUCKDB_TABLES) | set(LAKE_TABLES) == set(TABLES) and not set(DUCKDB_TABLES) & set(LAKE_TABLES)
    tables = {name for (name,) in query(seed_warehouse, "SELECT table_name FROM information_schema.tables")}
    assert set(DUCKDB_TABLES) <= tables and not tables & set(LAKE_TABLES)
    lake = parquet_contents(seed_warehouse, LAKE_TABLES)
    assert lake == lake_index_of(seed_warehouse)
    assert all(lake[table] for table in LAKE_TABLES)

"""Re-runs change nothing, edits replace only their own rows, bad files become rejects with reasons."""

import codecs
import os

import pytest

from tests.conftest import assert_stores_agree, parquet_contents, query, table_contents
from wirehouse.schema import LAKE_TABLES, TABLES

A000 = "000_f586c72162ac7c3d"
A001 = "001_468d0ff313ca5494"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def run(inbox, warehouse, **options):
    from wirehouse.flows.news_etl import news_etl

    return news_etl(paths=[str(inbox)], warehouse=str(warehouse), **options)


def test_second_run_changes_nothing(prefect_harness, inbox, tmp_path):
    warehouse = tmp_path / "wh"
    assert run(inbox, warehouse).status == "committed"
    before = table_contents(warehouse, TABLES)
    snapshot = os.readlink(warehouse / "current")
    again = run(inbox, warehouse)
    assert (again.status, again.n_found, again.n_files) == ("nothing to do", 2, 0)
    assert table_contents(warehouse, TABLES) == before
    assert os.readlink(warehouse / "current") == snapshot


def test_touched_but_identical_file_is_not_reprocessed(prefect_harness, inbox, tmp_path):
    warehouse = tmp_path / "wh"
    run(inbox, warehouse)
    articles = table_contents(warehouse, ("articles", "sentences"))
    path = inbox / f"{A000}.txt"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    summary = run(inbox, warehouse)
    assert (summary.n_unchanged, summary.n_articles) == (1, 0)
    assert table_contents(warehouse, ("articles", "sentences")) == articles
    mtime = query(warehouse, "SELECT mtime_ns FROM files WHERE article_id = ?", [A000])[0][0]
    assert mtime == path.stat().st_mtime_ns


def test_editing_one_file_replaces_only_its_rows(prefect_harness, inbox, tmp_path):
    warehouse = tmp_path / "wh"
    first = run(inbox, warehouse)
    untouched = {
        table: query(warehouse, f"SELECT * FROM {table} WHERE article_id = ? ORDER BY ALL", [A001])
        for table in ("articles", "paragraphs", "sentences", "quotes", "raw_articles")
    }
    counts = {t: query(warehouse, f"SELECT count(*) FROM {t}")[0][0] for t in ("articles", "sentences", "files")}
    lake_before = parquet_contents(warehouse, LAKE_TABLES)
    path = inbox / f"{A000}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("landslide victory", "narrow victory"), encoding="utf-8")

    second = run(inbox, warehouse)
    assert (second.n_files, second.n_articles, second.n_replaced) == (1, 1, 1)
    for table, rows in untouched.items():
        assert query(warehouse, f"SELECT * FROM {table} WHERE article_id = ? ORDER BY ALL", [A001]) == rows
    assert {t: query(warehouse, f"SELECT count(*) FROM {t}")[0][0] for t in counts} == counts
    body, run_id = query(warehouse, "SELECT body, run_id FROM articles WHERE article_id = ?", [A000])[0]
    assert "narrow victory" in body and "landslide" not in body
    assert run_id == second.run_id != first.run_id
    assert query(warehouse, "SELECT count(*) FROM sentences WHERE text LIKE '%landslide victory in Sunday%'") == [
        (1,)
    ]  # only the untouched article still says it
    # the DuckDB file was updated from the previous one, and still holds exactly what Parquet holds; the lake-only
    # tables' parts hold the edited article's new keys, not its old ones, and the other article's as they were
    assert_stores_agree(warehouse)
    lake_after = parquet_contents(warehouse, LAKE_TABLES)
    for table in LAKE_TABLES:
        assert [r for r in lake_after[table] if r[0] == A001] == [r for r in lake_before[table] if r[0] == A001]
    edited_keys = {row for row in lake_before["story_keys"] if row[0] == A000}
    assert edited_keys - set(lake_after["story_keys"])  # keys of "landslide victory" are gone with the old version
    assert [r[0] for r in query(warehouse, "SELECT run_id FROM runs ORDER BY run_id")] == [
        first.run_id,
        second.run_id,
    ]


def test_bad_files_are_rejected_with_reasons_and_the_rest_loads(prefect_harness, inbox, tmp_path):
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "photo.png").write_bytes(PNG + bytes(range(256)) * 4)
    (inbox / "utf16.txt").write_bytes(
        codecs.BOM_UTF16_LE + "Wide title\n\nPeskov said it was “fine”.".encode("utf-16-le")
    )
    (inbox / "windows.txt").write_bytes("Price rise\n\nIt costs £1,400, Hewitt’s aides said.".encode("cp1252"))
    (inbox / "huge.txt").write_bytes(b"Big title\n\n" + b"word " * (6 * 1024 * 1024 // 5))
    warehouse = tmp_path / "wh"

    summary = run(inbox, warehouse)
    assert (summary.status, summary.n_articles, summary.n_rejects) == ("committed", 4, 3)
    rejects = query(warehouse, "SELECT regexp_extract(source_path, '[^/]+$'), reason, detail FROM rejects ORDER BY 1")
    assert [(name, reason) for name, reason, _ in rejects] == [
        ("empty.txt", "empty"),
        ("huge.txt", "oversize"),
        ("photo.png", "binary"),
    ]
    assert rejects[2][2].startswith("PNG image")
    encodings = dict(query(warehouse, "SELECT article_id, encoding FROM files WHERE status = 'loaded'"))
    assert encodings["utf16"] == "utf-16" and encodings["windows"] == "cp1252"
    body = query(warehouse, "SELECT body FROM articles WHERE article_id = 'windows'")[0][0]
    assert body == "It costs £1,400, Hewitt’s aides said."
    assert query(warehouse, "SELECT title FROM articles WHERE article_id = 'utf16'") == [("Wide title",)]

    # rejected files are in the manifest too, so a re-run neither re-reads nor re-rejects them
    again = run(inbox, warehouse)
    assert again.status == "nothing to do"
    assert query(warehouse, "SELECT count(*) FROM rejects") == [(3,)]

    # a rejected file that is fixed loads, and its reject row goes away
    (inbox / "empty.txt").write_text("Now a story\n\nIt has a body, officials said.")
    fixed = run(inbox, warehouse)
    assert (fixed.n_articles, fixed.n_rejects) == (1, 0)
    assert query(warehouse, "SELECT count(*) FROM rejects") == [(2,)]
    assert query(warehouse, "SELECT status FROM files WHERE source_path LIKE '%/empty.txt'") == [("loaded",)]
    assert_stores_agree(warehouse)


def test_missing_input_is_a_clear_error(prefect_harness, tmp_path):
    from wirehouse.errors import InputError

    with pytest.raises(InputError, match="no such file or folder"):
        run(tmp_path / "typo", tmp_path / "wh")


def test_a_schema_change_rebuilds_duckdb_from_parquet(prefect_harness, inbox, tmp_path):
    warehouse = tmp_path / "wh"
    run(inbox, warehouse)
    (warehouse / "current" / "schema.sha256").write_text("built with an older schema")
    path = inbox / f"{A001}.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more paragraph, officials said.\n", encoding="utf-8")
    assert run(inbox, warehouse).n_replaced == 1
    assert_stores_agree(warehouse)
    assert query(warehouse, "SELECT count(*) FROM articles") == [(2,)]

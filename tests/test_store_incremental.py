"""The incremental DuckDB commit (a copy of the previous file, only the run's rows replaced) pinned to the plain
reference: a file built from scratch from the same snapshot's Parquet holds exactly the same rows."""

import os
import shutil
from pathlib import Path

import duckdb

from tests.builder import build
from tests.conftest import lake_index_of, parquet_contents
from wirehouse.schema import LAKE_TABLES, SCHEMA_DIR, read_sql, table_ddl
from wirehouse.store import duckdb_build
from wirehouse.store.duckdb_build import (
    FINGERPRINT,
    SEEDS_FINGERPRINT,
    _files_fingerprint,
    build_duckdb,
    schema_fingerprint,
)
from wirehouse.store.layout import DUCKDB_NAME, Warehouse
from wirehouse.store.parquet import parts


def every_table(database: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(database), read_only=True)
    try:
        names = [n for (n,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {n: sorted(con.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
    finally:
        con.close()


def assert_same_as_rebuilt(warehouse: Path, tmp_path: Path) -> dict[str, list[tuple]]:
    snapshot = Warehouse(warehouse.resolve()).current_snapshot()
    rebuilt = tmp_path / f"rebuilt-{snapshot.name}"
    rebuilt.mkdir()
    shutil.copytree(snapshot / "parquet", rebuilt / "parquet", copy_function=os.link)
    build_duckdb(rebuilt / "parquet", rebuilt / DUCKDB_NAME)
    incremental = every_table(snapshot / DUCKDB_NAME)
    assert incremental == every_table(rebuilt / DUCKDB_NAME)
    assert not set(incremental) & set(LAKE_TABLES)  # kept as Parquet parts only
    return incremental


def test_incremental_commits_hold_what_a_rebuild_holds(inbox, tmp_path):
    wh = tmp_path / "wh"
    seed = inbox / "000_f586c72162ac7c3d.txt"
    carried = seed.read_text(encoding="utf-8").split("\n", 1)[1]  # its quotes, carried by another outlet
    (inbox / "copy.txt").write_text("Another outlet's headline\n" + carried, encoding="utf-8")
    build([str(inbox)], wh, link=True)
    first = assert_same_as_rebuilt(wh, tmp_path)
    assert len(first["files"]) == 3 and len(first["runs"]) == 1 and first["rejects"] == []
    assert first["stories"] and first["quote_clusters"] and first["speakers"]  # every model has rows to update

    edited = inbox / "000_f586c72162ac7c3d.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA sentence the second run adds.\n", encoding="utf-8")
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "new.txt").write_text("LONDON - A new story arrived, the minister said.\n", encoding="utf-8")
    build([str(inbox)], wh, link=True)
    second = assert_same_as_rebuilt(wh, tmp_path)
    assert second["quote_clusters"] != first["quote_clusters"]
    assert len(second["files"]) == 5 and len(second["runs"]) == 2
    assert [row for row in second["rejects"] if "empty" in row] != []

    (inbox / "empty.txt").write_text("PARIS - The empty file now holds a story.\n", encoding="utf-8")
    (inbox / "new.txt").unlink()  # gone: a reject row, the article stays
    os.utime(inbox / "001_468d0ff313ca5494.txt", ns=(1, 1))  # touched: a new mtime, the same bytes
    (inbox / "copy.txt").unlink()
    (inbox / "copy.txt").write_text("Another outlet's headline, rewritten\n" + carried, encoding="utf-8")
    build([str(inbox)], wh, link=True)
    third = assert_same_as_rebuilt(wh, tmp_path)
    assert len(third["runs"]) == 3 and len(third["articles"]) == 5
    reasons = [row for row in third["rejects"] if "gone" in row]
    assert len(reasons) == 1 and not [row for row in third["rejects"] if "empty" in row]


def test_reference_tables_are_reloaded_only_when_a_seed_changed(inbox, tmp_path):
    wh = tmp_path / "wh"
    build([str(inbox)], wh)
    stamp = Warehouse(wh.resolve()).current_snapshot() / SEEDS_FINGERPRINT
    stamp.write_text("a seed was edited since")  # as if the CSVs had been others when this file was built
    con = duckdb.connect(str(stamp.with_name(DUCKDB_NAME)))
    con.execute("DELETE FROM speech_verbs")  # what an older seed would have left
    con.close()
    (inbox / "new.txt").write_text("LONDON - A new story arrived, the minister said.\n", encoding="utf-8")
    build([str(inbox)], wh)
    tables = assert_same_as_rebuilt(wh, tmp_path)
    assert len(tables["speech_verbs"]) > 10


def test_a_file_holding_the_lake_tables_is_rebuilt_without_them(inbox, tmp_path):
    """A DuckDB file written before the lake-only tables left it (it holds them, and its schema.sha256 hashes
    every DDL file) is not updated but built again from Parquet: the next snapshot's file has none of them,
    and their parts still hold exactly the keys of the warehouse's articles, the replaced one's new keys only."""
    wh = tmp_path / "wh"
    (inbox / "new.txt").write_text("LONDON - A new story arrived, the minister said.\n", encoding="utf-8")
    build([str(inbox)], wh, link=True)  # three articles: replacing one does not rebuild the file (_replaces_most)
    snapshot = Warehouse(wh.resolve()).current_snapshot()
    con = duckdb.connect(str(snapshot / DUCKDB_NAME))
    for table in LAKE_TABLES:  # what the code before loaded
        con.execute(table_ddl(table))
        files = [str(part) for part in parts(snapshot / "parquet" / table)]
        con.execute(read_sql("load/table_from_parquet.sql").format(table=table), {"files": files})
    con.close()
    before = _files_fingerprint(sorted(SCHEMA_DIR.glob("*.sql")))  # the code before's schema_fingerprint()
    assert before != schema_fingerprint()
    (snapshot / FINGERPRINT).write_text(before)

    edited = inbox / "000_f586c72162ac7c3d.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA sentence the second run adds.\n", encoding="utf-8")
    build([str(inbox)], wh, link=True)
    tables = assert_same_as_rebuilt(wh, tmp_path)  # a copy updated in place would still hold the lake tables
    assert len(tables["articles"]) == 3
    assert parquet_contents(wh, LAKE_TABLES) == lake_index_of(wh)


def test_a_cold_build_derives_each_model_in_slices_with_the_same_rows(shared_dir, tmp_path, monkeypatch):
    """A big source is modelled slice by slice of its groups (MODEL_SLICE_ROWS: at 1,000,000 files the
    quote_clusters model outgrew the run's memory cap in one piece); every slice count gives the whole
    build's rows."""
    inbox, wh = tmp_path / "inbox", tmp_path / "wh"
    inbox.mkdir()
    for path in sorted((shared_dir / "corpora/bbc/business").glob("*.txt"))[:24]:
        shutil.copy(path, inbox / path.name)
    for number in range(1, 7):  # copies under new names: stories and quote clusters of several articles
        shutil.copy(inbox / f"{number:03d}.txt", inbox / f"copy-{number}.txt")
    build([str(inbox)], wh, link=True)
    snapshot = Warehouse(wh.resolve()).current_snapshot()
    whole = every_table(snapshot / DUCKDB_NAME)
    assert len(whole["quote_clusters"]) > 20 and len(whole["stories"]) > 20 and len(whole["speakers"]) > 20
    assert any(row[4] > 1 for row in whole["quote_clusters"])  # n_quotes: clusters carried more than once
    for slice_rows in (1, 7, 50):
        monkeypatch.setattr(duckdb_build, "MODEL_SLICE_ROWS", slice_rows)
        rebuilt = tmp_path / f"sliced-{slice_rows}"
        rebuilt.mkdir()
        build_duckdb(snapshot / "parquet", rebuilt / DUCKDB_NAME)
        assert every_table(rebuilt / DUCKDB_NAME) == whole, slice_rows

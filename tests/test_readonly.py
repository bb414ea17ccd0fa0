"""`wirehouse sql` is read-only in fact: no statement changes a file of the warehouse or writes elsewhere.

Each refused statement is tried against a real warehouse through the CLI; afterwards every file under the
warehouse is byte-for-byte what it was, and reading the warehouse's own Parquet and DuckDB files still works.
"""

import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from tests.builder import build
from wirehouse.cli import main
from wirehouse.paths import SEEDS_DIR
from wirehouse.store.readonly import bundled_extension, open_readonly, run_readonly


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("wh") / "warehouse"
    assert build([str(SEEDS_DIR / "*.txt")], root)
    return root


def fingerprint(root: Path) -> dict[str, str]:
    """Every file under the warehouse (symlinks by target) with its content hash."""
    seen = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            seen[str(path.relative_to(root))] = "-> " + str(path.readlink())
        elif path.is_file():
            seen[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return seen


def sql(capsys, warehouse: Path, query: str, *options: str) -> tuple[int, str, str]:
    code = main(["sql", query, "--warehouse", str(warehouse), *options])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def snapshot_db(warehouse: Path) -> Path:
    return (warehouse / "wirehouse.duckdb").resolve()


def refused_statements(warehouse: Path, outside: Path) -> dict[str, str]:
    """Statement -> a word the one-line refusal must contain."""
    db = snapshot_db(warehouse)
    part = sorted((warehouse / "parquet" / "quotes").glob("*.parquet"))[0]
    return {
        f"ATTACH '{db}' AS cur (READ_WRITE); DELETE FROM cur.quotes": "ATTACH",
        f"ATTACH '{warehouse / 'wirehouse.duckdb'}' AS cur (READ_WRITE)": "read-only",
        f"ATTACH '{outside / 'new.duckdb'}' AS scratch": "read-only",
        f"COPY (SELECT 1 AS a) TO '{part}' (FORMAT parquet)": "COPY",
        f"COPY quotes TO '{outside / 'quotes.csv'}'": "COPY",
        f"EXPORT DATABASE '{warehouse / 'parquet' / 'dump'}'": "EXPORT",
        f"PREPARE p AS COPY quotes TO '{part}'": "PREPARE",
        "DELETE FROM quotes": "read-only",
        "CREATE TABLE t AS SELECT 1": "read-only",
        "INSTALL fts": "read-only",
        f"LOAD '{bundled_extension('fts')}'": "read-only",
        "LOAD '/tmp/evil.duckdb_extension'": "read-only",
        "SET enable_external_access = true": "locked",
        "SET allowed_directories = ['/']": "locked",
        "SET lock_configuration = false": "locked",
        "SET autoload_known_extensions = true": "locked",
        "SELECT * FROM read_csv('/etc/passwd')": "read-only",
        "PRAGMA copy_database('wirehouse', 'temp')": "COPY DATABASE",
    }


def test_writes_are_refused_with_one_line_and_change_nothing(warehouse, tmp_path, capsys):
    before = fingerprint(warehouse)
    outside = tmp_path / "outside"
    outside.mkdir()
    for statement, word in refused_statements(warehouse, outside).items():
        code, out, err = sql(capsys, warehouse, statement)
        assert code == 1, statement
        assert out == "", statement
        assert len(err.strip().splitlines()) == 1, (statement, err)
        assert err.startswith("wirehouse: the warehouse is read-only"), (statement, err)
        assert word.lower() in err.lower(), (statement, err)
    assert fingerprint(warehouse) == before
    assert list(outside.iterdir()) == []


def test_a_refused_statement_stops_the_script_before_anything_runs(warehouse, capsys):
    part = sorted((warehouse / "parquet" / "articles").glob("*.parquet"))[0]
    before = part.read_bytes()
    code, out, err = sql(capsys, warehouse, f"SELECT 1; COPY articles TO '{part}' (FORMAT parquet)")
    assert (code, out) == (1, "")
    assert "COPY statements are refused" in err
    assert part.read_bytes() == before


def test_reading_the_warehouse_files_still_works(warehouse, capsys):
    parquet = warehouse.absolute() / "parquet"
    real = snapshot_db(warehouse).parent / "parquet"
    for folder in (parquet, real):
        query = f"SELECT count(*) AS n FROM read_parquet('{folder}/sentences/*.parquet')"
        assert sql(capsys, warehouse, query, "--format", "csv") == (0, "n\n39\n", "")
    joined = "SELECT count(*) AS n FROM {} q JOIN articles USING (article_id) JOIN speech_verbs ON form = q.cue_verb"
    parts = f"read_parquet('{parquet}/quotes/*.parquet')"
    from_parquet = sql(capsys, warehouse, joined.format(parts), "--format", "json")
    from_table = sql(capsys, warehouse, joined.format("quotes"), "--format", "json")
    assert from_parquet == from_table
    assert from_parquet[0] == 0 and json.loads(from_parquet[1])[0]["n"] > 20
    # temporary objects are the analyst's own, in memory
    script = "CREATE TEMP TABLE mine AS SELECT article_id FROM articles; SELECT count(*) AS n FROM mine"
    assert sql(capsys, warehouse, script, "--format", "csv") == (0, "n\n2\n", "")


def test_extensions_a_command_needs_are_loaded_before_the_lock(warehouse):
    with open_readonly(warehouse) as con, pytest.raises(duckdb.CatalogException, match="stem"):
        run_readonly(con, "SELECT stem('speaking', 'english')")  # fts's function: not there unless loaded
    with open_readonly(warehouse, extensions=[bundled_extension("fts")]) as con:
        stem = run_readonly(con, "SELECT stem('speaking', 'english') AS s").fetchall()
        assert stem == [("speak",)]

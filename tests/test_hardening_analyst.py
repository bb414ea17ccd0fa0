"""What an analyst in one long-lived process sees across runs: DuckDB caches one database instance per path."""

import os

import duckdb

from tests.conftest import seed_text
from tests.hardening_support import pure_run


def count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_a_new_connection_in_the_same_process_stays_on_the_snapshot_it_holds(tmp_path):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "wh"
    inbox.mkdir()
    (inbox / "one.txt").write_text(seed_text("000_f586c72162ac7c3d"))
    pure_run([str(inbox)], warehouse)
    path = str(warehouse / "wirehouse.duckdb")
    held = duckdb.connect(path, read_only=True)
    assert count(held) == 1

    (inbox / "two.txt").write_text(seed_text("001_468d0ff313ca5494"))
    pure_run([str(inbox)], warehouse)
    fresh = duckdb.connect(path, read_only=True)
    assert count(fresh) == 1  # same path, same cached instance: still the old snapshot
    published = duckdb.connect(os.path.realpath(path), read_only=True)
    assert count(published) == 2  # the snapshot's own path is a new instance
    for con in (held, fresh, published):
        con.close()
    again = duckdb.connect(path, read_only=True)
    assert count(again) == 2  # once every connection to the path is closed, reconnecting sees the new run
    again.close()

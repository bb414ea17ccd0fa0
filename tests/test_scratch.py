"""In-memory DuckDB spills to the system's temporary folder, never to the directory a run was started from."""

import os
import tempfile

from wirehouse.scratch import scratch_db, spill_folder


def test_a_query_that_outgrows_memory_spills_outside_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "system-tmp"))
    (tmp_path / "system-tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    con = scratch_db()
    try:
        con.execute("SET memory_limit = '64MB'")
        con.execute("CREATE TABLE t AS SELECT i, md5(i::VARCHAR) AS v FROM range(2000000) t(i)")
        assert con.execute("SELECT count(*) FROM (SELECT * FROM t ORDER BY v)").fetchone() == (2_000_000,)
        spilled = os.listdir(spill_folder())
        assert any(name.startswith("duckdb_temp_storage") for name in spilled)
        assert spill_folder().startswith(str(tmp_path / "system-tmp"))
        assert not (tmp_path / ".tmp").exists()
    finally:
        con.close()
    assert not os.path.exists(spill_folder())  # DuckDB removes it with the connection

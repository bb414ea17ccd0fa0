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


def test_spill_folders_of_dead_processes_are_swept(tmp_path, monkeypatch):
    """A killed process never closes its connection, so DuckDB never removes its spill folder: the next
    process that spills removes the folders of processes that are gone, and leaves the living ones'."""
    import subprocess
    import sys

    from wirehouse import scratch

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = tmp_path / f"wirehouse-duckdb-{int(gone.stdout)}-scratch"
    living = tmp_path / f"wirehouse-duckdb-{os.getppid()}-build"
    other = tmp_path / "wirehouse-duckdb-notes"
    for folder in (dead, living, other):
        folder.mkdir()
        (folder / "duckdb_temp_storage_S32K-0.tmp").write_bytes(b"x" * 1024)
    scratch.sweep_dead_spills.cache_clear()
    scratch.scratch_db().close()
    assert not dead.exists()
    assert living.exists() and other.exists()

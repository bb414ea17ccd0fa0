"""A commit that takes the DuckDB file of the snapshot before the current one (wirehouse/store/delta.py): after
each run of a sequence over BBC articles the file holds exactly what one built from scratch from the same Parquet
holds; it copies the current file instead when a reader holds the older one open; a commit killed after taking
it leaves `current` readable and the next runs right."""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from tests.builder import build
from tests.conftest import query
from tests.test_store_incremental import assert_same_as_rebuilt
from wirehouse.paths import PROJECT_ROOT
from wirehouse.store import delta
from wirehouse.store.delta import MANIFEST_KEYS, _table_delta
from wirehouse.store.layout import DUCKDB_NAME, Warehouse

QUOTE = '\n"We will look at this again next year," the minister said on {day}.\n'


def bbc_inbox(shared_dir: Path, tmp_path: Path, n: int = 24) -> Path:
    inbox = tmp_path / "inbox"
    for topic in ("business", "sport"):
        (inbox / topic).mkdir(parents=True)
        for path in sorted((shared_dir / "corpora/bbc" / topic).glob("*.txt"))[:n]:
            shutil.copy(path, inbox / topic / path.name)
    return inbox


def edit(path: Path, day: str) -> None:
    path.write_text(path.read_text(encoding="latin-1") + QUOTE.format(day=day), encoding="utf-8")


def run(inbox: Path, warehouse: Path) -> Path:
    """One linked run; the DuckDB file of the snapshot it published."""
    assert build([str(inbox)], warehouse, link=True)[0]
    return Warehouse(warehouse.resolve()).current_snapshot() / DUCKDB_NAME


def inode(path: Path) -> int:
    return os.stat(path).st_ino


def test_runs_that_take_the_older_file_hold_what_a_rebuild_holds(shared_dir, tmp_path):
    inbox, wh = bbc_inbox(shared_dir, tmp_path), tmp_path / "wh"
    files = [run(inbox, wh)]  # run 1: 48 articles, built from Parquet
    assert_same_as_rebuilt(wh, tmp_path)

    edit(inbox / "business/003.txt", "Monday")
    shutil.copy(shared_dir / "corpora/bbc/politics/001.txt", inbox / "sport/901.txt")
    taken = inode(files[0])
    files.append(run(inbox, wh))  # run 2: no snapshot before the current one yet: a copy of run 1's file
    assert inode(files[1]) != taken
    assert_same_as_rebuilt(wh, tmp_path)

    edit(inbox / "business/003.txt", "Tuesday")  # changed again: its run-2 part goes, run 3's comes
    edit(inbox / "sport/010.txt", "Wednesday")
    (inbox / "sport/011.txt").unlink()  # gone: a reject row, the article stays
    (inbox / "business/012.txt").write_text((inbox / "sport/901.txt").read_text(encoding="latin-1"))  # a copy now
    shutil.copy(shared_dir / "corpora/bbc/tech/001.txt", inbox / "sport/902.txt")
    os.utime(inbox / "business/001.txt", ns=(1, 1))  # touched: a new mtime, the same bytes (run 4 reads it in
    taken = inode(files[0])  # the files rows run 3 records as changed)
    files.append(run(inbox, wh))  # run 3 takes run 1's file and applies runs 2 and 3
    assert inode(files[2]) == taken and not files[0].exists()
    third = assert_same_as_rebuilt(wh, tmp_path)
    assert len(third["articles"]) == 50 and len(third["runs"]) == 3
    assert [row for row in third["rejects"] if "gone" in row]
    quotes = query(wh, "SELECT count(*) FROM quotes WHERE text LIKE 'We will look at this again%'")
    assert quotes == [(3,)]  # business/003 has Monday's and Tuesday's, sport/010 Wednesday's

    (inbox / "sport/902.txt").unlink()
    (inbox / "sport/902.txt").write_text("LONDON - A new story replaced it, the minister said.\n", encoding="utf-8")
    os.utime(inbox / "sport/001.txt", ns=(2, 2))
    taken = inode(files[1])
    files.append(run(inbox, wh))  # run 4 takes run 2's file (which was a copy) and applies runs 3 and 4
    assert inode(files[3]) == taken
    fourth = assert_same_as_rebuilt(wh, tmp_path)
    assert len(fourth["runs"]) == 4 and fourth["articles"] != third["articles"]
    assert next(row for row in fourth["files"] if row[1].endswith("business/001.txt"))[3] == 1  # mtime_ns

    (files[3].parent / MANIFEST_KEYS).unlink()  # as if written before the record: the manifest parts compared
    edit(inbox / "sport/010.txt", "Thursday")
    os.utime(inbox / "sport/002.txt", ns=(3, 3))
    taken = inode(files[2])
    files.append(run(inbox, wh))
    assert inode(files[4]) == taken
    fifth = assert_same_as_rebuilt(wh, tmp_path)
    assert next(row for row in fifth["files"] if row[1].endswith("sport/002.txt"))[3] == 3


READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
sys.stdin.readline()
print(con.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
"""


def test_an_older_file_held_open_by_a_reader_is_copied_around(shared_dir, tmp_path):
    inbox, wh = bbc_inbox(shared_dir, tmp_path, n=6), tmp_path / "wh"
    first = run(inbox, wh)
    edit(inbox / "business/002.txt", "Monday")
    second = run(inbox, wh)
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(first)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert reader.stdout.readline().strip() == "12"  # the analyst reads the older snapshot's file
        held = inode(first)
        edit(inbox / "business/002.txt", "Tuesday")
        third = run(inbox, wh)
        assert inode(third) != held  # DuckDB refused us the writer: the current file was copied instead
        out, _ = reader.communicate("go\n", timeout=60)
        assert out.strip() == "12"  # the reader still reads its file, whose snapshot the commit removed
    finally:
        reader.kill()
        reader.wait()
    assert_same_as_rebuilt(wh, tmp_path)
    edit(inbox / "business/002.txt", "Wednesday")
    held = inode(second)
    con = duckdb.connect(str(second), read_only=True)  # this process reads it: DuckDB's lock would not tell
    try:
        fourth = run(inbox, wh)
        assert inode(fourth) != held and con.execute("SELECT count(*) FROM articles").fetchone() == (12,)
    finally:
        con.close()
    assert_same_as_rebuilt(wh, tmp_path)
    edit(inbox / "business/002.txt", "Thursday")
    held = inode(third)
    assert inode(run(inbox, wh)) == held  # nobody holds it now: taken
    assert_same_as_rebuilt(wh, tmp_path)


# Runs one linked build and SIGKILLs itself while the taken file is being updated (the models re-derived: every
# article row already deleted and inserted, the transaction not committed).
KILLED = """
import os, signal, sys
import wirehouse.store.duckdb_build as build_module
from tests.builder import build

def killed(con, reload_seeds, incremental):
    os.kill(os.getpid(), signal.SIGKILL)

build_module._rederive = killed
build([sys.argv[1]], __import__("pathlib").Path(sys.argv[2]), link=True)
"""


def test_a_commit_killed_in_the_taken_file_leaves_current_readable_and_the_next_runs_right(shared_dir, tmp_path):
    inbox, wh = bbc_inbox(shared_dir, tmp_path, n=6), tmp_path / "wh"
    first = run(inbox, wh)
    edit(inbox / "business/002.txt", "Monday")
    second = run(inbox, wh)
    before = query(wh, "SELECT article_id, body FROM articles ORDER BY 1")

    edit(inbox / "business/002.txt", "Tuesday")
    killed = subprocess.run([sys.executable, "-c", KILLED, str(inbox), str(wh)], cwd=PROJECT_ROOT)
    assert killed.returncode == -signal.SIGKILL
    assert not first.exists()  # taken into the half-built snapshot, which died with the run
    assert query(wh, "SELECT article_id, body FROM articles ORDER BY 1") == before  # current: run 2, untouched

    third = run(inbox, wh)  # no older file left to take: a copy of run 2's
    assert inode(third) != inode(second)
    tables = assert_same_as_rebuilt(wh, tmp_path)
    assert sorted(p.name for p in (wh / "snapshots").iterdir()) == sorted([second.parent.name, third.parent.name])
    assert len([row for row in tables["articles"] if "on Tuesday" in repr(row)]) == 1
    edit(inbox / "business/002.txt", "Wednesday")
    held = inode(second)
    run(inbox, wh)  # and the run after takes run 2's file again
    assert inode(Warehouse(wh.resolve()).current_snapshot() / DUCKDB_NAME) == held
    assert_same_as_rebuilt(wh, tmp_path)


def write(path: Path, ids: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table({"article_id": ids, "n": list(range(len(ids)))}), path, row_group_size=4)
    return path


def test_the_delta_of_one_table_from_its_parts(tmp_path):
    old, new, scratch = tmp_path / "old", tmp_path / "new", tmp_path / "scratch"
    write(old / "a.parquet", [f"a{i}" for i in range(10)])
    kept = write(old / "b.parquet", ["b0", "b1", "b2", "b3"])
    write(old / "gone.parquet", ["g0", "g0"])  # every row dropped: no part of that name is left
    write(new / "a.000.parquet", [f"a{i}" for i in range(5)])  # a.parquet rewritten without a5, then split
    write(new / "a.001.parquet", [f"a{i}" for i in range(6, 10)])
    os.link(kept, new / "b.parquet")
    write(new / "run2.parquet", ["a5", "x1", "b2"])  # b2 has rows in two parts: the old ones stay
    ids, inserted = _table_delta(old, new, scratch)
    assert ids == ["a5", "b2", "g0", "x1"]
    assert [p.name for p in inserted] == ["run2.parquet", "b.parquet"]
    assert pq.read_table(inserted[1])["article_id"].to_pylist() == ["b2"] and inserted[1].parent == scratch


def test_a_cold_runs_successor_copies_rather_than_insert_it_all(shared_dir, tmp_path, monkeypatch):
    """Taking run 1's file for run 3 would insert all of run 2's articles: the current file is copied instead
    (the floor of 1 MB, which these few articles do not reach, is lifted to show the share at work)."""
    inbox, wh = bbc_inbox(shared_dir, tmp_path, n=0), tmp_path / "wh"
    shutil.copy(shared_dir / "corpora/bbc/politics/001.txt", inbox / "first.txt")
    first = run(inbox, wh)
    for path in sorted((shared_dir / "corpora/bbc/business").glob("*.txt"))[:40]:
        shutil.copy(path, inbox / "business" / path.name)
    run(inbox, wh)
    monkeypatch.setattr(delta, "MIN_INSERT_BYTES", 0)
    held = inode(first)
    edit(inbox / "first.txt", "Monday")
    assert inode(run(inbox, wh)) != held  # copied
    tables = assert_same_as_rebuilt(wh, tmp_path)
    assert len(tables["articles"]) == 41

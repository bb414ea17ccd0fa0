"""Real processes: a run killed with SIGKILL leaves the warehouse as it was; analysts never block a run."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import table_contents
from wirehouse.interrupt import descendants
from wirehouse.paths import PROJECT_ROOT
from wirehouse.schema import TABLES

pytestmark = pytest.mark.slow
WIREHOUSE = [sys.executable, "-m", "wirehouse.cli"]


def wirehouse_run(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*WIREHOUSE, "run", *args],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_tree(pid: int) -> None:
    """SIGKILL a process and everything it started (collected first, so none can outlive the kill)."""
    for victim in [pid, *descendants(pid)]:
        with contextlib.suppress(ProcessLookupError):
            os.kill(victim, signal.SIGKILL)


def finish(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    return out


def wait_for(condition, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.005)


@pytest.fixture()
def bbc_part(shared_dir, tmp_path):
    """Two BBC topic folders (about 900 articles): enough batches to kill a run in the middle of."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for topic in ("business", "politics"):
        (inbox / topic).symlink_to(shared_dir / "corpora/bbc" / topic)
    return inbox


@pytest.mark.parametrize("moment", ["processing", "committing"])
def test_kill_9_leaves_the_warehouse_as_it_was(seeds_dir, bbc_part, tmp_path, moment):
    warehouse = tmp_path / "wh"
    finish(wirehouse_run(str(seeds_dir / "*.txt"), "--warehouse", str(warehouse)))
    before = table_contents(warehouse, TABLES)

    process = wirehouse_run(
        str(bbc_part), "--warehouse", str(warehouse), "--batch-size", "50", "--follow-outside-links"
    )
    if moment == "processing":  # some batches staged, not all
        wait_for(lambda: len(list((warehouse / "staging").glob("*/sentences/*.parquet"))) >= 3)
    else:  # the new snapshot is being built
        wait_for(lambda: any((warehouse / "snapshots").glob("*.building/parquet/files/*.parquet")))
    kill_tree(process.pid)  # the run, its worker processes and its Prefect server, at once
    process.communicate()

    assert table_contents(warehouse, TABLES) == before
    out = finish(wirehouse_run(str(bbc_part), "--warehouse", str(warehouse), "--json", "--follow-outside-links"))
    assert '"n_articles": ' in out
    after = table_contents(warehouse, ("articles",))["articles"]
    expected = sum(1 for topic in ("business", "politics") for _ in (bbc_part / topic).glob("*.txt"))
    assert len(after) == 2 + expected
    assert not list((warehouse / "snapshots").glob("*.building"))


ANALYST = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
sys.stdin.readline()
print(con.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
print(con.execute("SELECT count(*) FROM sentences s JOIN articles a USING (article_id)").fetchone()[0], flush=True)
"""


def test_a_run_completes_while_an_analyst_holds_the_database_open(seeds_dir, shared_dir, tmp_path):
    warehouse = tmp_path / "wh"
    finish(wirehouse_run(str(seeds_dir / "*.txt"), "--warehouse", str(warehouse)))
    analyst = subprocess.Popen(
        [sys.executable, "-c", ANALYST, str(warehouse / "wirehouse.duckdb")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert analyst.stdout.readline().strip() == "2"

    tech = Path(shared_dir / "corpora/bbc/tech")
    finish(wirehouse_run(str(tech), "--warehouse", str(warehouse)))

    out, err = analyst.communicate("go\n", timeout=60)
    first_again, sentences = out.split()
    assert first_again == "2", err  # the analyst's session still sees the state it opened
    assert int(sentences) == 16 + 23  # the seeds only, consistently
    from tests.conftest import query

    assert query(warehouse, "SELECT count(*) FROM articles")[0][0] == 2 + len(list(tech.glob("*.txt")))

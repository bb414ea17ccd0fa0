"""`wirehouse run` as a user meets it, with real subprocesses: mistakes are one line before Prefect starts, a
second run fails at once, Ctrl-C and SIGTERM stop a run within seconds and leave the warehouse as it was."""

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.builder import build
from tests.conftest import table_contents
from tests.test_processes import wait_for
from wirehouse.interrupt import descendants, running
from wirehouse.schema import TABLES

pytestmark = pytest.mark.slow


def start(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "wirehouse", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen, timeout: float = 600) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


N_FILES = 60


@pytest.fixture()
def bbc_part(shared_dir, tmp_path):
    """60 BBC articles (copies: links leading outside the inbox are not followed): enough small batches to
    interrupt a run in the middle of."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in sorted((shared_dir / "corpora/bbc/business").glob("*.txt"))[:N_FILES]:
        shutil.copy(path, inbox / path.name)
    return inbox


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--batch-size", "0"], "wirehouse: --batch-size must be at least 1 (got 0)"),
        (["--batch-size", "-3"], "wirehouse: --batch-size must be at least 1 (got -3)"),
        (["--max-bytes", "-1"], "wirehouse: --max-bytes must be at least 1 (got -1)"),
        (["--workers", "0"], "wirehouse: --workers must be at least 1 (got 0)"),
    ],
)
def test_bad_options_are_one_line_before_anything_starts(seeds_dir, tmp_path, options, message):
    warehouse = tmp_path / "wh"
    code, out, err = finish(start("run", str(seeds_dir / "*.txt"), "--warehouse", str(warehouse), *options))
    assert (code, out, err) == (2, "", message + "\n")
    assert not warehouse.exists()


def test_a_warehouse_that_is_not_a_folder_is_one_line(seeds_dir, tmp_path):
    (tmp_path / "wh").write_text("not a folder")
    code, out, err = finish(start("run", str(seeds_dir / "*.txt"), "--warehouse", str(tmp_path / "wh")))
    assert (code, out, err) == (2, "", f"wirehouse: --warehouse {tmp_path / 'wh'} is not a folder\n")
    code, _, err = finish(start("sql", "SELECT 1", "--warehouse", str(tmp_path / "wh")))
    assert code == 2 and err == f"wirehouse: no warehouse at {tmp_path / 'wh'} yet: run `wirehouse run` first\n"


def test_duckdb_out_of_its_memory_cap_is_one_line_and_undoes_the_run(seeds_dir, tmp_path):
    """A run gives DuckDB at most $WIREHOUSE_DUCKDB_MEMORY (settings.py) and DuckDB spills past it; a query
    that still cannot fit (here a 2 MB cap: the link step's first join) fails the run in one line, not in
    DuckDB's traceback through Prefect's (160 lines), and leaves nothing behind."""
    warehouse = tmp_path / "wh"
    cap = {"WIREHOUSE_DUCKDB_MEMORY": "2MB"}
    code, out, err = finish(start("run", str(seeds_dir / "*.txt"), "--warehouse", str(warehouse), env=cap))
    assert (code, out, err) == (
        2,
        "",
        "wirehouse: DuckDB needed more memory than the run's cap (WIREHOUSE_DUCKDB_MEMORY=2MB): the run was undone "
        "and the published warehouse is unchanged; run again with WIREHOUSE_DUCKDB_MEMORY set higher (e.g. 2GB)\n",
    )
    assert os.listdir(warehouse / "staging") == [] and not (warehouse / "current").exists()
    code, out, err = finish(
        start("run", str(seeds_dir / "*.txt"), "--warehouse", str(warehouse), env={"WIREHOUSE_DUCKDB_MEMORY": "lots"})
    )
    assert (code, out, err) == (2, "", "wirehouse: WIREHOUSE_DUCKDB_MEMORY=lots: not a memory size (e.g. 512MB, 2GB)\n")


def test_the_summary_names_the_warehouse_it_used(seeds_dir, tmp_path):
    """Without --warehouse: $WIREHOUSE_DIR, else ./warehouse in the current folder (never the source checkout)."""
    elsewhere = tmp_path / "somewhere"
    elsewhere.mkdir()
    code, out, shown = run_on_a_terminal("run", str(seeds_dir / "*.txt"), "--workers", "1", cwd=elsewhere)
    assert code == 0, shown
    assert "starting Prefect" in shown  # progress, on the terminal only: stdout stays the summary alone
    assert out.rstrip().endswith(f", warehouse {elsewhere / 'warehouse'}]")
    assert (elsewhere / "warehouse" / "wirehouse.duckdb").is_file()
    code, out, _ = finish(start("sql", "SELECT count(*) AS n FROM articles", "--format", "csv", cwd=elsewhere))
    assert (code, out) == (0, "n\n2\n")
    env = {"WIREHOUSE_DIR": str(elsewhere / "warehouse")}
    code, out, _ = finish(start("run", str(seeds_dir / "*.txt"), cwd=tmp_path, env=env))
    assert (code, out) == (
        0,
        f"nothing to do: 2 files found, none new or changed  [warehouse {elsewhere / 'warehouse'}]\n",
    )
    code, out, _ = finish(start("sql", "SELECT count(*) AS n FROM articles", "--format", "csv", cwd=tmp_path, env=env))
    assert (code, out) == (0, "n\n2\n")


def run_on_a_terminal(*args: str, cwd: Path) -> tuple[int, str, str]:
    """Run with stderr on a pseudo-terminal (where progress is drawn) and stdout on a pipe."""
    import pty

    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "wirehouse", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=terminal, text=True
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    out = process.stdout.read()
    return process.wait(), out, shown.decode(errors="replace")


def interrupt(process: subprocess.Popen, warehouse: Path, signum: signal.Signals) -> None:
    """Send signum once the run has staged batches; it must stop with one line and leave no process behind."""
    wait_for(lambda: len(list((warehouse / "staging").glob("*/sentences/*.parquet"))) >= 2)
    children = descendants(process.pid)
    assert children  # workers and the Prefect server are running
    sent = time.monotonic()
    process.send_signal(signum)
    code, out, err = finish(process, timeout=60)
    print(f"stopped {time.monotonic() - sent:.1f} s after {signum.name}")
    assert code == 128 + signum
    assert (out, err) == ("", f"wirehouse: stopped by {signum.name}; the warehouse is unchanged\n")
    assert not [pid for pid in children if running(pid)]


def test_a_second_run_fails_at_once_and_signals_stop_a_run_leaving_nothing(seeds_dir, bbc_part, tmp_path):
    warehouse = tmp_path / "wh"
    assert build([str(seeds_dir / "*.txt")], warehouse)[0]
    before = table_contents(warehouse, TABLES)
    run = ("run", str(bbc_part), "--warehouse", str(warehouse), "--batch-size", "3", "--workers", "2")

    first = start(*run)
    wait_for(lambda: any((warehouse / "staging").glob("*/articles/*.parquet")))  # it is writing
    code, out, err = finish(start("run", str(seeds_dir / "*.txt"), "--warehouse", str(warehouse)), timeout=60)
    assert first.poll() is None  # the second run did not wait for the first
    assert (code, out, err) == (2, "", f"wirehouse: another run is writing to {warehouse}\n")

    interrupt(first, warehouse, signal.SIGINT)
    interrupt(start(*run), warehouse, signal.SIGTERM)
    assert table_contents(warehouse, TABLES) == before
    assert not (warehouse / "staging").exists() or not any((warehouse / "staging").iterdir())
    assert not list((warehouse / "snapshots").glob("*.building"))
    with (warehouse / ".lock").open("a") as lock:  # released: a next run can take it
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(lock, fcntl.LOCK_UN)

    code, out, _ = finish(start(*run[:-4], "--json"))  # the next run, in big batches
    assert code == 0 and '"status": "committed"' in out
    assert len(table_contents(warehouse, ("articles",))["articles"]) == 2 + N_FILES

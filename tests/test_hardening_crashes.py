"""Crashes leave nothing behind: leftovers of killed runs go at the next run, a full disk is one line, and
killing only the main process takes its children with it. Real processes, real kills, a real tmpfs."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import query, seed_text
from tests.hardening_support import pure_run
from tests.test_processes import wait_for
from wirehouse.interrupt import descendants
from wirehouse.paths import PROJECT_ROOT

pytestmark = pytest.mark.slow
WIREHOUSE = [sys.executable, "-m", "wirehouse.cli"]

# Runs pure_run and SIGKILLs itself at one moment of the commit: after the snapshot rename and before the
# `current` swap, or after publishing and before staging is removed.
KILLED_AT = """
import os, signal, sys, types
import wirehouse.store.commit as commit
import wirehouse.store.layout as layout
from tests.hardening_support import pure_run

moment = sys.argv[3]
if moment == "before-swap":
    real = layout._swap_symlink
    def swap(link, target):
        if link.name == "current":
            os.kill(os.getpid(), signal.SIGKILL)
        real(link, target)
    layout._swap_symlink = swap
else:
    real_rmtree = commit.shutil.rmtree
    def rmtree(path, **kwargs):
        if "staging" in str(path):
            os.kill(os.getpid(), signal.SIGKILL)
        real_rmtree(path, **kwargs)
    commit.shutil = types.SimpleNamespace(rmtree=rmtree)
pure_run([sys.argv[1]], sys.argv[2])
"""


def add_article(inbox: Path, name: str) -> None:
    (inbox / f"{name}.txt").write_text(seed_text("000_f586c72162ac7c3d").replace("Putin", name.title()))


def snapshots(warehouse: Path) -> list[str]:
    return sorted(p.name for p in (warehouse / "snapshots").iterdir())


@pytest.mark.parametrize("moment", ["before-swap", "after-publish"])
def test_the_next_run_removes_what_a_killed_commit_left(tmp_path, moment):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "wh"
    inbox.mkdir()
    published = []
    for name in ("alpha", "beta"):
        add_article(inbox, name)
        published.append(pure_run([str(inbox)], warehouse)["run_id"])
    before = query(warehouse, "SELECT article_id FROM articles ORDER BY 1")

    add_article(inbox, "gamma")
    killed = subprocess.run([sys.executable, "-c", KILLED_AT, str(inbox), str(warehouse), moment], cwd=PROJECT_ROOT)
    assert killed.returncode == -signal.SIGKILL
    leftovers = [*snapshots(warehouse), *os.listdir(warehouse / "staging")]
    if moment == "before-swap":  # a renamed, never-published snapshot beside the two published ones
        assert (
            len(snapshots(warehouse)) == 3 and query(warehouse, "SELECT article_id FROM articles ORDER BY 1") == before
        )
    else:  # published, but its staging folder is left
        assert len(os.listdir(warehouse / "staging")) == 1 and len(leftovers) == 3

    out = subprocess.run(
        [*WIREHOUSE, "run", str(inbox), "--warehouse", str(warehouse)], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    current = os.readlink(warehouse / "current").split("/")[-1]
    previous = (warehouse / "snapshots" / current / ".previous").read_text()
    assert snapshots(warehouse) == sorted([current, previous])  # exactly the two it promises to keep
    assert not (warehouse / "staging").exists() or os.listdir(warehouse / "staging") == []
    names = [r[0] for r in query(warehouse, "SELECT article_id FROM articles ORDER BY 1")]
    assert names == ["alpha", "beta", "gamma"]
    if moment == "after-publish":
        assert out.stdout.startswith("nothing to do")  # a no-op run cleared the staging left behind
        assert previous == published[-1]


@pytest.fixture()
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_one_line_and_leaves_no_staging(small_disk, tmp_path):
    warehouse = small_disk / "wh"  # 8 MB: room for one snapshot (5.5 MB), not for a second beside it
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(seed_text("000_f586c72162ac7c3d"))
    pure_run([str(inbox)], warehouse)
    before = query(warehouse, "SELECT count(*) FROM articles")
    (inbox / "two.txt").write_text(seed_text("001_468d0ff313ca5494"))
    out = subprocess.run(
        [*WIREHOUSE, "run", str(inbox), "--warehouse", str(warehouse), "--workers", "1"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert lines == [
        f"wirehouse: disk full while writing to {warehouse}: the run was undone (its staging removed) and the "
        "published warehouse is unchanged; free some space and run again"
    ]
    assert os.listdir(warehouse / "staging") == [] if (warehouse / "staging").exists() else True
    assert [p.name for p in (warehouse / "snapshots").iterdir() if p.name.endswith(".building")] == []
    assert query(warehouse, "SELECT count(*) FROM articles") == before


def test_killing_only_the_main_process_takes_the_server_and_workers_with_it(shared_dir, tmp_path):
    warehouse = tmp_path / "wh"
    run = subprocess.Popen(
        [
            *WIREHOUSE,
            "run",
            str(shared_dir / "corpora/bbc/business"),
            "--warehouse",
            str(warehouse),
            "--batch-size",
            "50",
            "--workers",
            "2",
        ],
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(lambda: len(list((warehouse / "staging").glob("*/sentences/*.parquet"))) >= 1)
    children = descendants(run.pid)
    commands = [Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode() for pid in children]
    assert any("uvicorn" in c for c in commands) and sum("forkserver" in c for c in commands) >= 3
    os.kill(run.pid, signal.SIGKILL)  # the main process only, as the OOM killer would
    run.wait()

    def all_gone() -> bool:
        alive = []
        for pid in children:
            with contextlib.suppress(FileNotFoundError):
                if Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z":
                    alive.append(pid)
        return not alive

    deadline = time.monotonic() + 10
    while not all_gone() and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [pid for pid in children if Path(f"/proc/{pid}").exists()]
    for pid in survivors:  # do not leave them to the next test
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    assert all_gone(), f"still running after 10 s: {commands}"

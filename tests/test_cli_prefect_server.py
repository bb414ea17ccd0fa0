"""`wirehouse run` with no PREFECT_API_URL starts Prefect's temporary server itself, early, and kills it at the end
(wirehouse.prefect_env.TemporaryServer): the run must still reach Prefect whole, logs included, and leave no
server behind; the run's own process no longer imports Prefect's server code (Prefect's ephemeral mode did)."""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from wirehouse.paths import SEEDS_DIR

pytestmark = pytest.mark.slow


def _servers_of(home: Path) -> list[int]:
    """Running Prefect server processes whose PREFECT_HOME is `home`."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            command = (proc / "cmdline").read_bytes()
            environ = (proc / "environ").read_bytes().split(b"\0")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if b"prefect.server.api.server" in command and f"PREFECT_HOME={home}".encode() in environ and state != "Z":
            found.append(int(proc.name))
    return found


def test_a_run_on_the_temporary_server_reaches_prefect_whole_and_leaves_no_server(tmp_path):
    inbox, home = tmp_path / "inbox", tmp_path / "prefect-home"
    inbox.mkdir()
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        shutil.copy(path, inbox / path.name)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(home)
    env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "600"  # a new database: migrations, on a busy machine
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "wirehouse",
            "run",
            str(inbox),
            "--warehouse",
            str(tmp_path / "wh"),
            "--json",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert '"status": "committed"' in done.stdout
    imported = [line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")]
    said = "\n".join(line for line in done.stderr.splitlines() if not line.startswith("import time:"))
    # Killed only after Prefect's clients had sent everything: no "Error logging to API", no traceback.
    assert "Error" not in said and "Traceback" not in said, said
    # The run's own process never imports Prefect's server (4 s of CPU here): only the server process does.
    assert "prefect" in imported and "wirehouse.flows.news_etl" in imported
    assert not [module for module in imported if module.startswith("prefect.server")]
    assert _servers_of(home) == []

    # The server wrote to PREFECT_HOME's database, as Prefect's own temporary server does: the flow run is
    # there, completed, with its last log line (the run summary, logged just before the flow returned).
    with sqlite3.connect(home / "prefect.db") as db:
        runs = db.execute("SELECT id, state_type FROM flow_run").fetchall()
        assert [state for _, state in runs] == ["COMPLETED"]
        messages = [m for (m,) in db.execute("SELECT message FROM log WHERE flow_run_id = ?", [runs[0][0]])]
        events = [e for (e,) in db.execute("SELECT DISTINCT event FROM events ORDER BY event")]
    assert any(m.startswith("run ") and "n_articles=2" in m for m in messages), messages
    # No heartbeats on a server that dies with the run (prefect_env.without_heartbeats): the thread sending
    # them held the end of each run for up to a second. The flow run's events reach the server as before.
    assert "prefect.flow-run.heartbeat" not in events
    assert {"prefect.flow-run.Pending", "prefect.flow-run.Running"} <= set(events), events


def test_no_server_is_started_where_prefect_is_already_imported(monkeypatch):
    """In a process that has imported Prefect (a test harness, a notebook), Prefect has read its settings: a
    server started now would go unused, and a PREFECT_API_URL set now would outlive it in os.environ."""
    import prefect  # noqa: F401

    from wirehouse.prefect_env import start_temporary_server

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert start_temporary_server() is None
    assert "PREFECT_API_URL" not in os.environ

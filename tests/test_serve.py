"""Scheduled runs against a real `prefect server start` on loopback: `wirehouse serve` and `prefect deploy`.

One server for the module (it takes up to a minute to start on a busy machine); every process a test starts
runs in its own process group, killed in a finaliser, so nothing outlives the test.
"""

import contextlib
import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import query
from wirehouse.paths import PROJECT_ROOT, SEEDS_DIR
from wirehouse.settings import DEFAULT_BATCH_SIZE, DEFAULT_WORKERS

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(command: list[str], env: dict, cwd: Path = PROJECT_ROOT, log: Path | None = None) -> subprocess.Popen:
    out = log.open("w") if log else subprocess.DEVNULL
    return subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM the process group, then SIGKILL whatever is left of it."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=15)
            if sig is signal.SIGTERM:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)  # the flow-run processes it started
                return


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.5)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real Prefect server on a free loopback port; yields the environment that points at it."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": url,
        "PREFECT_UI_API_URL": url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_API_PORT": str(port),
    }
    process = start([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)], env)
    try:
        import urllib.request

        def healthy() -> bool:
            assert process.poll() is None, "prefect server exited"
            with contextlib.suppress(OSError):
                return urllib.request.urlopen(f"{url}/health", timeout=2).status == 200
            return False

        wait_for(healthy, 240, "the Prefect server")
        yield env
    finally:
        stop(process)


@contextlib.contextmanager
def api(env: dict):
    """A Prefect client for the module's server (settings taken from env for this block only)."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: env["PREFECT_API_URL"]}), get_client(sync_client=True) as client:
        yield client


def deployment_runs(env: dict, deployment_name: str) -> list:
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName
    from prefect.client.schemas.sorting import FlowRunSort

    with api(env) as client:
        return client.read_flow_runs(
            deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=[deployment_name])),
            sort=FlowRunSort.EXPECTED_START_TIME_ASC,
        )


def test_serve_without_a_server_says_how_to_start_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    done = subprocess.run(
        [str(BIN / "wirehouse"), "serve", str(SEEDS_DIR), "--interval", "5"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("wirehouse: serve needs a running Prefect server")
    assert "make server" in done.stderr and "export PREFECT_API_URL=http://127.0.0.1:4200/api" in done.stderr
    assert "Traceback" not in done.stderr


def test_served_schedule_picks_up_new_files_and_never_overlaps(server, shared_dir, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, inbox / path.name)
    # A first run several ticks (5 s) long, so that ticks come due while it writes. All of BBC (2,227 files)
    # once took under a tick on a quiet machine and no tick was cancelled; four copies of it (8,902 files)
    # took ~18 s of flow there (six 27 s: 2026-12-07, load average 0.7), and on 2026-12-08, with faster
    # batches, a quiet fresh clone saw no tick cancelled with four: six, for a margin.
    for copy in range(6):
        for section in ("business", "entertainment", "politics", "sport", "tech"):
            shutil.copytree(shared_dir / "corpora/bbc" / section, inbox / f"copy{copy}" / section)
    n_first = 2 + len(list(inbox.glob("*/*/*.txt")))
    warehouse = tmp_path / "wh"

    def n_articles() -> int:
        if not (warehouse / "wirehouse.duckdb").exists():
            return 0
        return query(warehouse, "SELECT count(*) FROM articles")[0][0]

    command = [str(BIN / "wirehouse"), "serve", str(inbox), "--interval", "5", "--warehouse", str(warehouse)]
    command += ["--name", "every-5s", "--batch-size", "100"]
    serving = start(command, server, cwd=tmp_path, log=tmp_path / "serve.log")
    try:
        wait_for(lambda: n_articles() == n_first, 300, "the first tick")
        shutil.copy(SEEDS_DIR / "000_f586c72162ac7c3d.txt", inbox / "dropped.txt")
        wait_for(lambda: n_articles() == n_first + 1, 120, "the dropped file")
        wait_for(
            lambda: any(
                r.name == f"news-etl: nothing new in {n_first + 1:,} files" for r in deployment_runs(server, "every-5s")
            ),
            120,
            "a no-op tick",
        )
    finally:
        stop(serving)

    runs = deployment_runs(server, "every-5s")
    completed = [r for r in runs if r.state.is_completed()]
    names = [r.name for r in completed]
    assert names[:2] == [
        f"news-etl: {n_first:,} new or changed of {n_first:,} files -> {n_first:,} articles, 0 rejects",
        f"news-etl: 1 new or changed of {n_first + 1:,} files -> 1 articles, 0 rejects",
    ]
    assert f"news-etl: nothing new in {n_first + 1:,} files" in names[2:]
    assert not [r for r in runs if r.state.is_failed() or r.state.is_crashed()]  # no run found the writer lock held
    # ticks that came due while a run was writing were cancelled by the deployment's limit, not queued
    cancelled = [r for r in runs if r.state.is_cancelled()]
    assert cancelled and {r.state.message for r in cancelled} == {"Deployment concurrency limit reached."}
    spans = sorted((r.start_time, r.end_time) for r in completed)
    assert all(end <= next_start for (_, end), (next_start, _) in itertools.pairwise(spans))
    assert query(warehouse, "SELECT count(*), sum(n_articles) FROM runs") == [(2, n_first + 1)]
    assert query(warehouse, "SELECT count(*) FROM articles WHERE article_id = 'dropped'") == [(1,)]
    with api(server) as client:
        deployment = client.read_deployment_by_name("news-etl/every-5s")
    assert deployment.global_concurrency_limit.limit == 1
    assert deployment.concurrency_options.collision_strategy.value == "CANCEL_NEW"
    assert deployment.parameters["workers"] == DEFAULT_WORKERS  # the CLI's defaults, not one worker
    assert deployment.parameters["paths"] == [str(inbox)]


def test_prefect_deploy_registers_the_shipped_deployment(server, tmp_path):
    env = server
    prefect = str(BIN / "prefect")
    pool = subprocess.run(
        [prefect, "work-pool", "create", "wirehouse", "--type", "process"], env=env, capture_output=True, text=True
    )
    assert pool.returncode == 0, pool.stdout + pool.stderr
    done = subprocess.run(
        [prefect, "--no-prompt", "deploy", "--all"], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr

    with api(server) as client:
        deployment = client.read_deployment_by_name("news-etl/scheduled")
    assert deployment.work_pool_name == "wirehouse"
    assert deployment.entrypoint == "flows/news_etl.py:news_etl"
    assert [s.schedule.interval.total_seconds() for s in deployment.schedules] == [600]
    assert deployment.global_concurrency_limit.limit == 1
    assert deployment.concurrency_options.collision_strategy.value == "CANCEL_NEW"
    defaults = {k: v.get("default") for k, v in deployment.parameter_openapi_schema["properties"].items()}
    assert defaults["workers"] == DEFAULT_WORKERS and defaults["batch_size"] == DEFAULT_BATCH_SIZE
    assert deployment.pull_steps == [
        {"prefect.deployments.steps.set_working_directory": {"directory": str(PROJECT_ROOT)}}
    ]

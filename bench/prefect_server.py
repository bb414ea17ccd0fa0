"""A throw-away `prefect server start` on a free loopback port, for the benchmark and screenshot scripts."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_group(process: subprocess.Popen) -> None:
    """SIGTERM a process group, SIGKILL what is left after 15 s."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=15)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@contextlib.contextmanager
def prefect_server(port: int | None = None) -> Iterator[dict]:
    """Start a server (PREFECT_HOME in a temporary folder); yields the environment pointing at it."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}/api"
    with tempfile.TemporaryDirectory(prefix="prefect-home-") as home:
        env = {
            **os.environ,
            "PREFECT_HOME": home,
            "PREFECT_API_URL": url,
            "PREFECT_UI_API_URL": url,
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        }
        command = [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)]
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        try:
            deadline = time.monotonic() + 300
            while True:
                with contextlib.suppress(OSError):
                    if urllib.request.urlopen(f"{url}/health", timeout=2).status == 200:
                        break
                if process.poll() is not None or time.monotonic() > deadline:
                    sys.exit("the Prefect server did not start")
                time.sleep(0.5)
            os.environ.update({k: env[k] for k in ("PREFECT_API_URL", "PREFECT_UI_API_URL", "PREFECT_HOME")})
            yield env
        finally:
            stop_group(process)


def flow_runs(deployment_name: str | None = None) -> list:
    """Flow runs (of one deployment, or all), oldest first, from the server the environment points at."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName
    from prefect.client.schemas.sorting import FlowRunSort

    deployments = DeploymentFilter(name=DeploymentFilterName(any_=[deployment_name])) if deployment_name else None
    with get_client(sync_client=True) as client:
        return client.read_flow_runs(deployment_filter=deployments, sort=FlowRunSort.EXPECTED_START_TIME_ASC)

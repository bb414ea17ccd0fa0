"""Prefect settings this project needs on an offline machine; applied before Prefect is first imported."""

import contextlib
import functools
import importlib.util
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wirehouse.deathsig import die_with_parent
from wirehouse.errors import WirehouseError

STARTUP_TIMEOUT = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",  # no network here
    STARTUP_TIMEOUT: "120",  # the ephemeral server takes 4-26 s to start
    "PREFECT_LOGGING_LEVEL": "INFO",  # run logs reach the Prefect UI ...
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING",  # ... while the terminal shows only what is wrong
}


# What Prefect's log lines of those failures hold
KNOWN_FAILURES = ("No space left on device", "DiskFullError", "WarehouseBusyError", "OutOfMemoryException")


class _KnownFailures(logging.Filter):
    """Drops, from the terminal only, Prefect's tracebacks of failures the CLI reports in one line itself
    (a full disk, another run writing, DuckDB's memory cap): 130-249 lines of tracebacks told the user less
    than that line."""

    def filter(self, record: logging.LogRecord) -> bool:
        from wirehouse.errors import WirehouseError
        from wirehouse.store.layout import is_disk_full, is_out_of_memory

        error = record.exc_info[1] if record.exc_info else None
        if error is not None and (isinstance(error, WirehouseError) or is_disk_full(error) or is_out_of_memory(error)):
            return False
        message = record.getMessage()
        return not any(text in message for text in KNOWN_FAILURES)


def quiet_known_failures() -> None:
    """Add _KnownFailures to the console handlers Prefect has set up (the Prefect UI still gets every log)."""
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        for handler in getattr(logger, "handlers", []):
            if isinstance(handler, logging.StreamHandler) and not any(
                isinstance(f, _KnownFailures) for f in handler.filters
            ):
                handler.addFilter(_KnownFailures())


def configure() -> None:
    """Set each default unless the user already chose a value."""
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)


@dataclass
class TemporaryServer:
    """The temporary Prefect server of one `wirehouse run` (no PREFECT_API_URL set), started by us, early.

    Prefect would start the same server (its 'ephemeral' mode: the same uvicorn command and settings, the
    same database under PREFECT_HOME) only when the flow first calls the API, after `import prefect` and the
    flow's modules; started here, right after planning finds work, it boots on the other core meanwhile.
    At the end Prefect's clients send what they still hold, then the server is killed, not asked to stop: by
    then the flow has reported its final state, and Prefect's own stop (SIGTERM, then up to 5 s of waiting)
    only added seconds to every run.
    """

    process: subprocess.Popen
    url: str

    def wait_ready(self) -> None:
        """Block until the server answers /health; a clear error if it exits or does not answer in time (the
        time Prefect allows its own temporary server, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)."""
        timeout = float(os.environ.get(STARTUP_TIMEOUT, DEFAULTS[STARTUP_TIMEOUT]))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise WirehouseError(f"the temporary Prefect server exited with code {self.process.returncode}")
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{self.url}/health", timeout=2) as answer:
                if answer.status == 200:
                    return
            time.sleep(0.05)
        raise WirehouseError(f"the temporary Prefect server did not answer within {timeout:.0f} s ({STARTUP_TIMEOUT})")

    def stop(self) -> None:
        """Send what Prefect's clients still hold (logs, events), then kill the server at once."""
        if "prefect" in sys.modules:
            from prefect.events.worker import EventsWorker
            from prefect.logging.handlers import APILogWorker

            for worker in (APILogWorker, EventsWorker):
                worker.drain_all(timeout=5)
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        self.process.wait()
        if os.environ.get("PREFECT_API_URL") == self.url:
            del os.environ["PREFECT_API_URL"]  # nothing started later in this process may point at it


@contextlib.contextmanager
def without_heartbeats() -> Iterator[None]:
    """Flow runs without Prefect's heartbeat thread, for runs on the temporary server. Heartbeats let a server
    mark a flow run whose process died as crashed; a temporary server dies with that process, so nobody is
    left to read them, and the thread (it sleeps in steps of 1 s) held the end of every run for up to 1 s."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


def start_temporary_server() -> TemporaryServer | None:
    """Start Prefect's temporary server in the background and point PREFECT_API_URL at it; None when the user
    set PREFECT_API_URL (a running server) or PREFECT_SERVER_ALLOW_EPHEMERAL_MODE is off, and when Prefect is
    already imported in this process (it read its settings then: it would not see the URL). Call configure()
    first."""
    if (
        os.environ.get("PREFECT_API_URL")
        or os.environ.get("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "").lower() in ("0", "false")
        or "prefect" in sys.modules  # already imported, its settings already read (a test harness, a notebook)
    ):
        return None
    spec = importlib.util.find_spec("prefect")
    app_dir = Path(spec.origin).parent.parent  # what Prefect passes: prefect.__module_path__.parent
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
    command = [sys.executable, "-m", "uvicorn", "--app-dir", str(app_dir), "--factory"]
    command += ["prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--log-level", "error", "--lifespan", "on"]
    process = subprocess.Popen(command, env=env, preexec_fn=functools.partial(die_with_parent, os.getpid()))
    url = f"http://127.0.0.1:{port}/api"
    os.environ["PREFECT_API_URL"] = url
    return TemporaryServer(process, url)

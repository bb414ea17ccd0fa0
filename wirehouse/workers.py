"""A pool of worker processes for the CPU-bound batch work, shared by the batch tasks of one flow run.

The stages are pure Python, so threads cannot use a second core. Prefect's own ProcessPoolTaskRunner spawns
fresh interpreters that each import Prefect (seconds per worker) and report to the API from every process;
instead the batch tasks run in threads and hand `process_batch` to these processes. They are forked from a
`forkserver` that has already imported the stages, so a worker starts in milliseconds and never inherits
the flow's threads. Batches share nothing but the warehouse folder, which is what a cluster needs too.

Nothing outlives a run killed with SIGKILL: the forkserver and every worker die with their parent
(wirehouse.deathsig), and so does the temporary Prefect server that the ephemeral mode starts
(`server_dies_with_run`).
"""

import functools
import multiprocessing
import os
import subprocess
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from wirehouse.deathsig import die_with_parent

_pool: Executor | None = None
_in_process = threading.Lock()  # without a pool, batches run one at a time: threads would fight over the GIL


@contextmanager
def worker_pool(workers: int) -> Iterator[None]:
    """While open, `run_in_worker` sends calls to `workers` processes (workers <= 1: run in-process)."""
    global _pool
    if workers <= 1:
        yield
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["wirehouse.forkserver_preload", "wirehouse.batch"])
    _pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=die_with_parent)
    for _ in range(workers):  # start the workers now, while the run is still planning
        _pool.submit(int)
    try:
        yield
    finally:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


def run_in_worker(function: Callable[..., Any], *args: Any) -> Any:
    """Call function(*args) in a worker process if a pool is open, else right here."""
    if _pool is None:
        with _in_process:
            return function(*args)
    return _pool.submit(function, *args).result()


class _DyingSubprocess:
    """The `subprocess` module as Prefect's ephemeral server launcher sees it: Popen children die with us."""

    def __getattr__(self, name: str) -> Any:
        return getattr(subprocess, name)

    @staticmethod
    def Popen(*args: Any, **kwargs: Any) -> subprocess.Popen:
        kwargs.setdefault("preexec_fn", functools.partial(die_with_parent, os.getpid()))
        return subprocess.Popen(*args, **kwargs)


def server_dies_with_run() -> None:
    """Make the temporary Prefect server (started when no PREFECT_API_URL is set) die with this process.

    Prefect 3.8.8 starts it with subprocess.Popen in prefect.server.api.server and stops it only at exit,
    which SIGKILL skips: it then kept port, SQLite file and the terminal's output. Call before the flow runs.
    """
    if os.environ.get("PREFECT_API_URL"):
        return  # a real server: not ours to stop
    from prefect.server.api import server

    if not isinstance(server.subprocess, _DyingSubprocess):
        server.subprocess = _DyingSubprocess()

"""A pool of worker processes for the CPU-bound batch work, shared by the batch tasks of one flow run.

The stages are pure Python, so threads cannot use a second core. Prefect's own ProcessPoolTaskRunner spawns
fresh interpreters that each import Prefect (seconds per worker) and report to the API from every process;
instead the batch tasks run in threads and hand `process_batch` to these processes. They are forked from a
`forkserver` that has already imported the stages, so a worker starts in milliseconds and never inherits
the flow's threads. Batches share nothing but the warehouse folder, which is what a cluster needs too.

Nothing outlives a run killed with SIGKILL: the forkserver and every worker die with their parent
(wirehouse.deathsig), and so does the temporary Prefect server `wirehouse run` starts
(wirehouse.prefect_env.start_temporary_server).
"""

import ctypes
import multiprocessing
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager, suppress
from typing import Any

from wirehouse.deathsig import die_with_parent

PRELOAD = ["wirehouse.forkserver_preload", "wirehouse.batch"]  # what the forkserver imports before forking
_pool: Executor | None = None
_in_process = threading.Lock()  # without a pool, batches run one at a time: threads would fight over the GIL


@contextmanager
def worker_pool(workers: int) -> Iterator[None]:
    """While open, `run_in_worker` sends calls to `workers` processes (workers <= 1: run in-process)."""
    global _pool
    if workers <= 1:
        yield
        return
    context = _forkserver_context()
    _pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=die_with_parent)
    for _ in range(workers):  # start the workers now, while the run is still planning
        _pool.submit(int)
    try:
        yield
    finally:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


def _forkserver_context() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start_forkserver() -> None:
    """Start the forkserver the workers are forked from, importing the stages, ahead of the pool (a pool opened
    later in this process takes it as it is). `wirehouse run` calls it while Prefect's temporary server boots
    on the other core and this process only waits for it; opened by the flow, the forkserver's imports
    started only after planning."""
    from multiprocessing import forkserver

    _forkserver_context()
    forkserver.ensure_running()


def pool_size(workers: int, n_batches: int) -> int:
    """The processes worth starting for a run of `n_batches` batches. A batch runs in one worker, so a pool for a
    single batch only adds its own start, the forkserver importing the stages and the workers forked from it: a
    one-file run's "process" phase at 100,000 files took 0.74 s with a pool of 2 and 0.21-0.29 s without (7 Dec
    22:26-22:27, `wirehouse run --json`, load 2.3-3.0)."""
    return min(workers, n_batches)


def run_in_worker(function: Callable[..., Any], *args: Any) -> Any:
    """Call function(*args) in a worker process if a pool is open, else right here."""
    if _pool is None:
        with _in_process:
            return function(*args)
    return _pool.submit(_then_give_back_memory, function, *args).result()


def _then_give_back_memory(function: Callable[..., Any], *args: Any) -> Any:
    """function(*args) in a worker, then the memory its frames were freed from handed back to the system:
    pyarrow's allocator and glibc's malloc keep freed memory for the next allocation, so a worker sat at
    360-480 MiB between 5,000-article batches instead of ~260 (its peak in a batch is ~490), and the two
    workers' peaks add up in the run's."""
    import pyarrow as pa  # imported by the stages already; not by `wirehouse run` before the flow

    try:
        return function(*args)
    finally:
        pa.default_memory_pool().release_unused()
        _malloc_trim()


def _malloc_trim() -> None:
    """glibc's malloc_trim(0), where there is one (not on macOS or musl)."""
    with suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)

"""Ctrl-C and SIGTERM stop a run within seconds, with one line, and leave the warehouse as it was.

Left to Prefect, an interrupted run waited for its batches to finish (minutes) and printed ~150 lines of
event errors. Instead `wirehouse run` installs these handlers for the whole run: on SIGINT or SIGTERM it
waits for a commit that is already publishing to finish (so a snapshot is never cut in half; `committing()`
is held around it, a few seconds at most), ends the run's child processes (worker processes, the temporary
Prefect server), removes the run's staging folder and half-built snapshot, prints one line and exits with
128 + the signal number. The writer lock dies with the process, so the next run proceeds normally.
"""

import contextlib
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from wirehouse.store.layout import Warehouse

_publishing = threading.Lock()  # held while a run publishes: an interrupt waits for it rather than cut it short
_publisher: int | None = None  # the thread that holds it
_pending: list[int] = []  # a signal that arrived in the publishing thread itself, acted on once it has published
_stop: Callable[[int], None] | None = None  # set while stop_cleanly is open


@contextlib.contextmanager
def committing() -> Iterator[None]:
    """Around a publish: an interrupt never cuts it in half. If the signal lands in this very thread (a task
    run in the flow's own thread), the run stops right after the publish instead."""
    global _publisher
    with _publishing:
        _publisher = threading.get_ident()
        try:
            yield
        finally:
            _publisher = None
    if _pending and _stop is not None:
        _stop(_pending[0])


def descendants(pid: int) -> list[int]:
    """Every process below pid (Linux /proc), children before grandchildren."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found.extend(int(child) for child in task.read_text().split())
    return found + [d for child in found for d in descendants(child)]


def end_children(wait_seconds: float = 5.0) -> None:
    """SIGKILL every descendant: workers hold nothing that needs closing (their staged parts are removed
    next), and a gentler SIGTERM makes the temporary Prefect server print a page of errors on its way out.

    Then wait (at most wait_seconds) until each is gone: a process busy in the kernel (writing a part) dies
    only when it leaves it, and exiting before that left a worker running 0.1 s after the run's last line.
    """
    doomed = descendants(os.getpid())
    for pid in doomed:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + wait_seconds
    while True:
        _reap()
        if not any(running(pid) for pid in doomed) or time.monotonic() > deadline:
            return
        time.sleep(0.01)


def running(pid: int) -> bool:
    """Still running: not gone, and not a zombie (dead, waiting for its parent to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _silence_stderr() -> int:
    """Point fd 2 at /dev/null; returns a duplicate of the original for the one line still to print."""
    sys.stderr.flush()
    original = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    os.close(null)
    return original


def _reap() -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


@contextlib.contextmanager
def stop_cleanly(store: Warehouse, before_exit: Callable[[], None] = lambda: None) -> Iterator[None]:
    """While open, SIGINT/SIGTERM end the run as described above; `before_exit` runs before the line prints."""
    published_before = store.current_snapshot()

    global _stop

    def handle(signum: int, _frame: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if _publisher == threading.get_ident():
            _pending.append(signum)  # interrupted while publishing, in this thread: finish it, then stop
            return
        stop(signum)

    def stop(signum: int) -> None:
        before_exit()
        terminal = _silence_stderr()  # threads still running would log the end of their batches
        _publishing.acquire(timeout=120)  # a publish in another thread ends first; no new one starts
        end_children()
        with contextlib.suppress(OSError):
            shutil.rmtree(store.staging, ignore_errors=True)
            for building in store.snapshots.glob("*.building"):
                shutil.rmtree(building, ignore_errors=True)
        name = signal.Signals(signum).name
        published = store.current_snapshot()
        if published == published_before:
            state = "the warehouse is unchanged"
        else:
            state = f"the run had already published snapshot {published.name if published else '?'}"
        os.write(terminal, f"wirehouse: stopped by {name}; {state}\n".encode())
        os._exit(128 + signum)

    _stop = stop
    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    bridge = _prefect_bridge()
    original_bridge = getattr(bridge, BRIDGE, None)
    if original_bridge is not None:
        setattr(bridge, BRIDGE, handle)
    try:
        yield
    finally:
        _stop = None
        if original_bridge is not None:
            setattr(bridge, BRIDGE, original_bridge)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# A flow run swaps SIGTERM for Prefect's own handler, which turns it into a crash that waits for the running
# tasks and logs a page of errors; pointing that name at our handler makes Prefect install ours instead.
BRIDGE = "_prefect_sigterm_handler"


def _prefect_bridge() -> object | None:
    module = sys.modules.get("prefect.utilities.engine")
    return module if module is not None and hasattr(module, BRIDGE) else None

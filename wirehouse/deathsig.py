"""Children die with their parent: `PR_SET_PDEATHSIG` (Linux) through ctypes, no dependency.

A run killed with SIGKILL (by the OOM killer, or `kill -9` of its main process only) cannot stop its own
children; the kernel can. Each process the run starts asks, as its first act, to be sent SIGKILL when its
parent goes: the forkserver (importing this module as a preload runs `die_with_parent()`), its worker
processes (pool initializer) and the ephemeral Prefect server (see wirehouse.workers).

The kernel's "parent" is the thread that started the child: start children from a thread that lives as
long as the run (the main thread), or they die early.
"""

import ctypes
import os
import signal

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int | None = None) -> bool:
    """Ask to be killed when the parent exits; exit now if it already has. False where prctl is missing."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):
        return False
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)  # the parent died before prctl took effect
    return True

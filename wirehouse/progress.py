"""Progress of a run on a terminal: phase, batches done of total, articles/s, time left.

The CLI turns it on (`enable`) only when stderr is a terminal and neither --quiet nor --json was given; the
flow reports through `phase`, `planned` and `batch_done`, which do nothing when it is off (a served
deployment, a test, output piped to a file), so the flow never depends on it.
"""

import sys
import time
from typing import Any

_progress: Any = None  # a started rich.progress.Progress while enabled
_task: Any = None
_articles = 0
_started = 0.0


def enable() -> None:
    """Show progress on stderr until `disable` (the CLI calls this; nothing else should)."""
    global _progress, _task
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    _progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=Console(file=sys.stderr),
        transient=True,
    )
    _task = _progress.add_task("starting Prefect", total=None, rate="")
    _progress.start()


def disable() -> None:
    """Stop drawing (before the summary or an error line is printed)."""
    global _progress, _task
    if _progress is not None:
        _progress.stop()
    _progress = _task = None


def phase(description: str) -> None:
    if _progress is not None:
        _progress.update(_task, description=description)


def planned(n_files: int, n_batches: int) -> None:
    """The plan is made: n_files to read in n_batches batches."""
    global _articles, _started
    _articles, _started = 0, time.perf_counter()
    if _progress is not None:
        _progress.update(_task, description=f"{n_files:,} files, batches", total=n_batches, completed=0)


def batch_done(result: Any) -> Any:
    """One batch finished (a BatchResult); returns it, so the flow can wrap its `future.result()`."""
    global _articles
    _articles += getattr(result, "n_articles", 0)
    if _progress is not None:
        rate = _articles / max(time.perf_counter() - _started, 1e-6)
        _progress.update(_task, advance=1, rate=f"{rate:,.0f} articles/s")
    return result

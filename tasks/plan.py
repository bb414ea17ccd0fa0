"""Task: list the inputs and decide what needs reading (see wirehouse.plan), re-derivations included.

Retried on OSError only: listing an inbox on a network file system can hiccup; a bad path cannot be fixed
by trying again.
"""

from datetime import datetime
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from wirehouse.plan import RunPlan
from wirehouse.reprocess import Reprocessing, plan_with_reprocessing
from wirehouse.store.layout import Warehouse
from wirehouse.store.noop import nothing_changed


def retry_on_os_error(task, task_run, state) -> bool:
    """Retry a task only when reading or listing files failed (Prefect's retry_condition_fn)."""
    try:
        state.result()
    except OSError:
        return True
    except Exception:
        return False
    return False


@task(
    name="plan-files",
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=2,
    retry_condition_fn=retry_on_os_error,
)
def plan_files(
    paths: list[str],
    warehouse_dir: Path,
    run_id: str,
    started_at: datetime,
    max_bytes: int,
    full_refresh: bool = False,
    follow_outside: bool = False,
) -> tuple[RunPlan, Reprocessing]:
    store = Warehouse(warehouse_dir)
    check = nothing_changed(paths, store.current_snapshot(), max_bytes, full_refresh, follow_outside)
    if check.idle:  # the no-op fast path: a listing and the snapshot's compact manifest
        return RunPlan.nothing(run_id, started_at, check.n_found), Reprocessing()
    return plan_with_reprocessing(
        paths,
        store,
        run_id,
        started_at,
        max_bytes,
        full_refresh,
        follow_outside=follow_outside,
        listing=check.listing,
        noop=check.manifest,
    )

"""Task: list the inputs and decide what needs reading (see wirehouse.plan), re-derivations included."""

from datetime import datetime
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from wirehouse.plan import RunPlan
from wirehouse.reprocess import Reprocessing, plan_with_reprocessing
from wirehouse.store.layout import Warehouse


@task(name="plan-files", cache_policy=NO_CACHE)
def plan_files(
    paths: list[str],
    warehouse_dir: Path,
    run_id: str,
    started_at: datetime,
    max_bytes: int,
    full_refresh: bool = False,
    follow_outside: bool = False,
) -> tuple[RunPlan, Reprocessing]:
    return plan_with_reprocessing(
        paths, Warehouse(warehouse_dir), run_id, started_at, max_bytes, full_refresh, follow_outside=follow_outside
    )

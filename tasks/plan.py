"""Task: list the inputs and decide what needs reading (see wirehouse.plan)."""

from datetime import datetime
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from wirehouse.plan import RunPlan, plan_run
from wirehouse.store.layout import Warehouse


@task(name="plan-files", cache_policy=NO_CACHE)
def plan_files(
    paths: list[str], warehouse_dir: Path, run_id: str, started_at: datetime, follow_outside: bool = False
) -> RunPlan:
    return plan_run(paths, Warehouse(warehouse_dir), run_id, started_at, follow_outside)

"""Task: build the new snapshot (Parquet + DuckDB) and publish it atomically (wirehouse.store.commit)."""

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from wirehouse.interrupt import committing
from wirehouse.store.commit import CommitResult, RunRecord, commit_run
from wirehouse.store.layout import Warehouse


@task(name="commit-run", cache_policy=NO_CACHE)
def commit(warehouse_dir: Path, run: RunRecord) -> CommitResult:
    with committing():  # an interrupt waits for a publish in progress instead of cutting it in half
        return commit_run(Warehouse(warehouse_dir), run)

"""Task: build the new snapshot (Parquet + DuckDB) and publish it atomically (wirehouse.store.commit)."""

from pathlib import Path

from prefect import task

from wirehouse.store.commit import CommitResult, RunRecord, commit_run
from wirehouse.store.layout import Warehouse


@task(name="commit-run")
def commit(warehouse_dir: Path, run: RunRecord) -> CommitResult:
    return commit_run(Warehouse(warehouse_dir), run)

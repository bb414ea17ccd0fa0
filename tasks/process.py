"""Task: one batch of files through ingest, parse, segment and quotes into staged Parquet (wirehouse.batch)."""

from datetime import datetime
from pathlib import Path

import pandas as pd
from prefect import task
from prefect.cache_policies import NO_CACHE

from wirehouse.batch import BatchResult, process_batch
from wirehouse.workers import run_in_worker


@task(name="process-batch", task_run_name="process-batch-{batch_no}", cache_policy=NO_CACHE)
def process_files(
    to_read: pd.DataFrame, batch_no: int, run_id: str, now: datetime, staging_dir: Path, max_bytes: int
) -> BatchResult:
    return run_in_worker(process_batch, to_read, batch_no, run_id, now, staging_dir, max_bytes)

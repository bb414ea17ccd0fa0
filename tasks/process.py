"""Task: one batch of files through ingest, parse, segment and quotes into staged Parquet (wirehouse.batch).

Retried on OSError only (a file that could not be read from a shared file system); the stages are pure
functions, so any other failure would fail again and is reported with the batch's file range instead.
"""

from datetime import datetime
from pathlib import Path

import pandas as pd
from prefect import task
from prefect.cache_policies import NO_CACHE
from wirehouse.tasks.plan import retry_on_os_error

from wirehouse.batch import BatchResult, process_batch
from wirehouse.errors import WirehouseError
from wirehouse.workers import run_in_worker


class BatchError(WirehouseError):
    """A batch failed: its number, file range and the reason."""


@task(
    name="process-batch",
    task_run_name="batch-{batch_no}: {label}",
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=2,
    retry_condition_fn=retry_on_os_error,
)
def process_files(
    to_read: pd.DataFrame,
    batch_no: int,
    run_id: str,
    now: datetime,
    staging_dir: Path,
    max_bytes: int,
    label: str = "",
) -> BatchResult:
    try:
        return run_in_worker(process_batch, to_read, batch_no, run_id, now, staging_dir, max_bytes)
    except OSError:
        raise  # retried
    except Exception as error:
        raise BatchError(f"batch {batch_no} ({label}) failed: {type(error).__name__}: {error}") from error

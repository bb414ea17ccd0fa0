"""Task: build the new snapshot (Parquet + DuckDB), check it, and publish it atomically (wirehouse.store.commit).

No retries: a commit moves the staged parts into the snapshot it builds, so it cannot simply run again; a
commit that fails leaves `current` on the previous snapshot and the next run redoes the work from scratch.
"""

from functools import partial
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from wirehouse.interrupt import committing
from wirehouse.ops.artifacts import publish_quality
from wirehouse.ops.checks import QualityCheckError, failure_message, run_checks
from wirehouse.store.commit import CommitResult, RunRecord, commit_run
from wirehouse.store.layout import Warehouse


def quality_gate(snapshot_dir: Path, run_id: str) -> None:
    """Check a built snapshot, publish the checks as an artifact, and refuse to publish on a hard failure."""
    results = run_checks(snapshot_dir, run_id)
    publish_quality(results, run_id)
    logger = get_run_logger()
    for result in results:
        if not result.passed and not result.blocks_publishing:
            logger.warning(
                "data-quality warning: %s = %g (threshold %g)", result.spec.name, result.value, result.spec.threshold
            )
    message = failure_message(results)
    if message is not None:
        raise QualityCheckError(message)


@task(name="commit-run", cache_policy=NO_CACHE)
def commit(warehouse_dir: Path, run: RunRecord) -> CommitResult:
    with committing():  # an interrupt waits for a publish in progress instead of cutting it in half
        return commit_run(Warehouse(warehouse_dir), run, check=partial(quality_gate, run_id=run.run_id))

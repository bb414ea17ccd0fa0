"""The `news-etl` flow: raw article files in, a published Parquet + DuckDB snapshot out.

    plan-files -> process-batch x N (one per batch of files) -> link-stories -> commit-run

The flow only wires tasks; every stage is a pure function in the `wirehouse` package. Batch tasks run in
threads that hand the CPU-bound work to `workers` processes (wirehouse.workers), or run it one batch at a
time in-process when workers is 1; a Dask task runner fits the same seam later.
"""

import time
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote
from wirehouse.flows.summary import COUNTS, RunSummary
from wirehouse.tasks.commit import commit
from wirehouse.tasks.link import link_stories
from wirehouse.tasks.plan import plan_files
from wirehouse.tasks.process import process_files

from wirehouse import progress
from wirehouse.fingerprint import current_pipeline
from wirehouse.ids import new_run_id
from wirehouse.settings import DEFAULT_BATCH_SIZE, DEFAULT_FOLLOW_OUTSIDE_LINKS, DEFAULT_MAX_BYTES, DEFAULT_WAREHOUSE
from wirehouse.store.commit import RunRecord
from wirehouse.store.layout import Warehouse
from wirehouse.workers import worker_pool


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@flow(name="news-etl", task_runner=ThreadPoolTaskRunner(max_workers=8))
def news_etl(
    paths: list[str],
    warehouse: str = str(DEFAULT_WAREHOUSE),
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int = 1,
    follow_outside_links: bool = DEFAULT_FOLLOW_OUTSIDE_LINKS,
    full_refresh: bool = False,
) -> RunSummary:
    clock = time.perf_counter()
    logger = get_run_logger()
    warehouse_dir = Path(warehouse).resolve()
    store = Warehouse(warehouse_dir)
    started_at = _utc_now()
    summary = RunSummary(run_id=new_run_id())
    phases = summary.phase_seconds

    def lap(phase: str) -> None:
        phases[phase] = round(time.perf_counter() - clock - sum(phases.values()), 3)

    with store.writer_lock(), store.cleanup_on_failure(summary.run_id), worker_pool(workers):
        store.remove_leftovers()
        progress.phase("planning")
        plan, again = plan_files(
            paths, warehouse_dir, summary.run_id, started_at, max_bytes, full_refresh, follow_outside_links
        )
        summary.n_found, summary.n_rederived, summary.reprocessed = plan.n_found, again.n_rederive, again.reasons
        lap("plan")
        logger.info("%d files found, %d new or changed", plan.n_found, len(plan.to_read))
        if plan.is_noop:
            logger.info("%d files found, none new or changed: nothing to do", plan.n_found)
            summary.seconds = time.perf_counter() - clock
            return summary
        staging = store.staging_dir(summary.run_id)
        progress.planned(len(plan.to_read), -(-len(plan.to_read) // batch_size))
        futures = [
            process_files.submit(quote(batch), number, summary.run_id, started_at, staging, max_bytes)
            for number, batch in enumerate(plan.batches(batch_size))
        ]
        results = [progress.batch_done(future.result()) for future in futures]
        for name in COUNTS:
            setattr(summary, name, sum(getattr(result, name) for result in results))
        lap("process")
        logger.info(
            "%d batches processed: %d articles, %d rejects", len(results), summary.n_articles, summary.n_rejects
        )
        link_stories(warehouse_dir, summary.run_id)
        lap("link")
        record = RunRecord(
            run_id=summary.run_id,
            flow_run_id=flow_run.get_id(),
            started_at=started_at,
            finished_at=_utc_now(),
            n_files=summary.n_files - summary.n_unchanged,
            n_articles=summary.n_articles,
            n_rejects=summary.n_rejects,
            n_rederived=summary.n_rederived,
            pipeline=current_pipeline().as_json(),
        )
        progress.phase("committing")
        summary.n_replaced = commit(warehouse_dir, record).n_replaced
        lap("commit")
    summary.status = "committed"
    summary.seconds = time.perf_counter() - clock
    logger.info("run %s: %s", summary.run_id, summary)
    return summary

"""The `news-etl` flow: raw article files in, a published Parquet + DuckDB snapshot out.

    plan-files -> batch-N x N (one per batch of files) -> link-stories -> commit-run (checks, then publish)

The flow only wires tasks; every stage is a pure function in the `wirehouse` package. Its parameters default
to wirehouse.settings, so a served or deployed run gets what `wirehouse run` gets. A run that finds nothing
new returns right after planning (listing + stat): no worker process is started, no artifact written.
Batch tasks run in threads that hand the CPU-bound work to `workers` processes (wirehouse.workers), or, with
a DaskTaskRunner (`--runner dask`, wirehouse.ops.runners), on the Dask cluster's workers.
"""

import time
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.context import FlowRunContext
from prefect.futures import as_completed
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote
from wirehouse.flows.summary import COUNTS, RunSummary
from wirehouse.tasks.commit import commit
from wirehouse.tasks.link import link_stories
from wirehouse.tasks.plan import plan_files
from wirehouse.tasks.process import process_files

from wirehouse import progress as terminal
from wirehouse.fingerprint import current_pipeline
from wirehouse.ids import new_run_id
from wirehouse.ops.artifacts import Progress, publish_run_artifacts
from wirehouse.ops.naming import batch_label, committed_name, failed_name, planned_name, rename_flow_run
from wirehouse.plan import RunPlan
from wirehouse.settings import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_FOLLOW_OUTSIDE_LINKS,
    DEFAULT_INBOX,
    DEFAULT_MAX_BYTES,
    DEFAULT_WAREHOUSE,
    DEFAULT_WORKERS,
    cross_article_enabled,
)
from wirehouse.store.commit import RunRecord
from wirehouse.store.layout import Warehouse
from wirehouse.workers import pool_size, worker_pool


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _runs_locally() -> bool:
    """True unless the flow's task runner (e.g. Dask) brings its own workers."""
    context = FlowRunContext.get()
    return context is None or isinstance(context.task_runner, ThreadPoolTaskRunner)


@flow(name="news-etl", task_runner=ThreadPoolTaskRunner(max_workers=8))
def news_etl(
    paths: list[str] | None = None,
    warehouse: str = str(DEFAULT_WAREHOUSE),
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int = DEFAULT_WORKERS,
    follow_outside_links: bool = DEFAULT_FOLLOW_OUTSIDE_LINKS,
    full_refresh: bool = False,
) -> RunSummary:
    clock = time.perf_counter()
    warehouse_dir = Path(warehouse).resolve()
    store = Warehouse(warehouse_dir)
    started_at = _utc_now()
    summary = RunSummary(run_id=new_run_id())

    def lap(phase: str) -> None:
        summary.phase_seconds[phase] = round(time.perf_counter() - clock - sum(summary.phase_seconds.values()), 3)

    name = "news-etl: planning"
    try:
        with store.writer_lock(), store.cleanup_on_failure(summary.run_id):
            store.remove_leftovers()
            terminal.phase("planning")
            plan, again = plan_files(
                paths or [DEFAULT_INBOX],
                warehouse_dir,
                summary.run_id,
                started_at,
                max_bytes,
                full_refresh,
                follow_outside_links,
            )
            summary.n_found, summary.n_rederived, summary.reprocessed = plan.n_found, again.n_rederive, again.reasons
            summary.n_new = int(plan.to_read["known_sha256"].isna().sum())
            lap("plan")
            name = planned_name(len(plan.to_read), plan.n_found)
            rename_flow_run(flow_run.get_id(), name)
            if plan.is_noop:
                get_run_logger().info("%d files found, none new or changed: nothing to do", plan.n_found)
                summary.seconds = time.perf_counter() - clock
                return summary
            with worker_pool(pool_size(workers, plan.n_batches(batch_size)) if _runs_locally() else 1):
                _process(plan, summary, store, batch_size, max_bytes)
            lap("process")
            if cross_article_enabled():
                link_stories(warehouse_dir, summary.run_id)
            lap("link")
            terminal.phase("committing")
            snapshot = _commit(plan, summary, warehouse_dir, started_at)
            lap("commit")
    except Exception as error:
        rename_flow_run(flow_run.get_id(), failed_name(name, error))
        raise
    summary.status = "committed"
    summary.seconds = time.perf_counter() - clock
    publish_run_artifacts(summary, snapshot)
    rename_flow_run(
        flow_run.get_id(), committed_name(summary.n_articles, summary.n_rejects, len(plan.to_read), plan.n_found)
    )
    get_run_logger().info("run %s: %s", summary.run_id, summary)
    return summary


def _process(plan: RunPlan, summary: RunSummary, store: Warehouse, batch_size: int, max_bytes: int) -> None:
    """Submit one task per batch; the progress artifact moves as each finishes."""
    staging = store.staging_dir(summary.run_id)
    batches = plan.batches(batch_size)
    progress = Progress(len(batches))
    terminal.planned(len(plan.to_read), len(batches))
    # quote(): Prefect need not look inside the frame; Dask would turn the quote (a tuple) into a plain tuple
    wrap = quote if _runs_locally() else (lambda frame: frame)
    futures = [
        process_files.submit(
            wrap(batch), number, summary.run_id, plan.started_at, staging, max_bytes, batch_label(batch)
        )
        for number, batch in enumerate(batches)
    ]
    results = []
    for future in as_completed(futures):
        results.append(terminal.batch_done(future.result()))
        progress.batch_done()
    for count in COUNTS:
        setattr(summary, count, sum(getattr(result, count) for result in results))
    get_run_logger().info(
        "%d batches processed: %d articles, %d rejects", len(results), summary.n_articles, summary.n_rejects
    )


def _commit(plan: RunPlan, summary: RunSummary, warehouse_dir: Path, started_at: datetime) -> Path:
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
    result = commit(warehouse_dir, record)
    summary.n_replaced = result.n_replaced
    return result.snapshot

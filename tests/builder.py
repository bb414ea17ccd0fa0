"""Build a real warehouse without Prefect: the same plan, batch and commit functions the flow's tasks call.

For tests of what reads a warehouse (sql, the read-only connection, reprocessing), where starting a Prefect
server would only add seconds; the flow itself is tested with a real server elsewhere.
"""

from datetime import UTC, datetime
from pathlib import Path

from wirehouse.batch import process_batch
from wirehouse.fingerprint import Pipeline, current_pipeline
from wirehouse.ids import new_run_id
from wirehouse.link.stage import link_run
from wirehouse.reprocess import Reprocessing, plan_with_reprocessing
from wirehouse.store.commit import RunRecord, commit_run
from wirehouse.store.layout import Warehouse


def build(
    paths: list[str],
    root: Path,
    max_bytes: int = 5 * 1024 * 1024,
    full_refresh: bool = False,
    pipeline: Pipeline | None = None,
    link: bool = False,
    batch_size: int = 1000,
) -> tuple[str, Reprocessing]:
    """One run over `paths` into the warehouse at `root`: its id ('' when there was nothing to do) and what it
    did again. `pipeline` stands for the pipeline the plan compares articles with (default: this code's);
    `link`: run the cross-article stage (stories, quote clusters) between the batches and the commit, as the
    flow does; `batch_size`: files per batch."""
    store = Warehouse(root.resolve())
    now = datetime.now(UTC).replace(tzinfo=None)
    run_id = new_run_id()
    with store.writer_lock():
        store.remove_leftovers()
        plan, again = plan_with_reprocessing(paths, store, run_id, now, max_bytes, full_refresh, pipeline)
        if plan.is_noop:
            return "", again
        results = [
            process_batch(batch, number, run_id, now, store.staging_dir(run_id), max_bytes)
            for number, batch in enumerate(plan.batches(batch_size))
        ]
        if link:
            link_run(store, run_id)
        record = RunRecord(run_id, None, now, now, len(plan.to_read), sum(r.n_articles for r in results),
                           sum(r.n_rejects for r in results), again.n_rederive,
                           current_pipeline().as_json())  # fmt: skip
        commit_run(store, record)
    return run_id, again

"""Build a real warehouse without Prefect: the same plan, batch and commit functions the flow's tasks call.

For tests of what reads a warehouse (sql, the read-only connection, reprocessing), where starting a Prefect
server would only add seconds; the flow itself is tested with a real server elsewhere.
"""

from datetime import UTC, datetime
from pathlib import Path

from wirehouse.batch import process_batch
from wirehouse.ids import new_run_id
from wirehouse.plan import plan_run
from wirehouse.store.commit import RunRecord, commit_run
from wirehouse.store.layout import Warehouse


def build(paths: list[str], root: Path, max_bytes: int = 5 * 1024 * 1024) -> str:
    """One run over `paths` into the warehouse at `root`; returns the run id ('' when nothing was new)."""
    store = Warehouse(root.resolve())
    now = datetime.now(UTC).replace(tzinfo=None)
    run_id = new_run_id()
    with store.writer_lock():
        store.remove_leftovers()
        plan = plan_run(paths, store, run_id, now)
        if plan.is_noop:
            return ""
        results = [
            process_batch(batch, number, run_id, now, store.staging_dir(run_id), max_bytes)
            for number, batch in enumerate(plan.batches(1000))
        ]
        record = RunRecord(run_id, None, now, now, len(plan.to_read), sum(r.n_articles for r in results),
                           sum(r.n_rejects for r in results))  # fmt: skip
        commit_run(store, record)
    return run_id

"""A run without Prefect (plan -> process_batch -> commit_run, as the flow wires them) for the hardening tests."""

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from wirehouse.batch import process_batch
from wirehouse.ids import new_run_id
from wirehouse.plan import plan_run
from wirehouse.store.commit import RunRecord, commit_run
from wirehouse.store.layout import Warehouse

# Permissions do not stop root: processes that must meet them run without the two capabilities that bypass
# them (setpriv, util-linux). A no-op prefix for other users.
WITHOUT_ROOT_OVERRIDE = (
    ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    if os.geteuid() == 0 and shutil.which("setpriv")
    else []
)


def pure_run(paths: list[str], warehouse: Path, batch_size: int = 1000, follow_outside: bool = False) -> dict | None:
    """One run over paths into warehouse; None when nothing was new. Returns the counts of the run."""
    store = Warehouse(Path(warehouse).resolve())
    run_id = new_run_id()
    now = datetime.now(UTC).replace(tzinfo=None)
    with store.writer_lock(), store.cleanup_on_failure(run_id):
        store.remove_leftovers()
        plan = plan_run(paths, store, run_id, now, follow_outside)
        if plan.is_noop:
            return None
        staging = store.staging_dir(run_id)
        results = [process_batch(b, n, run_id, now, staging) for n, b in enumerate(plan.batches(batch_size))]
        record = RunRecord(
            run_id=run_id,
            flow_run_id=None,
            started_at=now,
            finished_at=now,
            n_files=sum(r.n_files - r.n_unchanged for r in results),
            n_articles=sum(r.n_articles for r in results),
            n_rejects=sum(r.n_rejects for r in results),
        )
        commit_run(store, record)
    return {"run_id": run_id, "articles": record.n_articles, "rejects": record.n_rejects}

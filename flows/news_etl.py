"""The `news-etl` flow: raw article files in, a published Parquet + DuckDB snapshot out.

    plan-files -> process-batch x N (parallel, one per batch of files) -> commit-run

The flow only wires tasks; every stage is a pure function in the `wirehouse` package. Batches run one at a
time in the flow's process by default (the stages are pure Python: threads would only fight over the GIL);
`wirehouse run --workers N` swaps in a process pool, and a Dask runner fits the same seam later.
"""

import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from tasks.commit import commit
from tasks.plan import plan_files
from tasks.process import process_files
from wirehouse.ids import new_run_id
from wirehouse.ingest.decode import DEFAULT_MAX_BYTES
from wirehouse.paths import DEFAULT_WAREHOUSE
from wirehouse.store.commit import RunRecord
from wirehouse.store.layout import Warehouse

DEFAULT_BATCH_SIZE = 5000
COUNTS = ("n_files", "n_articles", "n_rejects", "n_unchanged", "n_paragraphs", "n_sentences", "n_quotes")


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    status: str  # 'committed' | 'nothing to do'
    n_found: int
    n_files: int
    n_articles: int
    n_rejects: int
    n_unchanged: int
    n_replaced: int
    n_paragraphs: int
    n_sentences: int
    n_quotes: int
    seconds: float

    @classmethod
    def nothing_to_do(cls, run_id: str, n_found: int, seconds: float) -> "RunSummary":
        zeros = dict.fromkeys(COUNTS, 0)
        return cls(run_id=run_id, status="nothing to do", n_found=n_found, n_replaced=0, seconds=seconds, **zeros)

    def as_dict(self) -> dict:
        return asdict(self)


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@flow(name="news-etl", task_runner=ThreadPoolTaskRunner(max_workers=1))
def news_etl(
    paths: list[str],
    warehouse: str = str(DEFAULT_WAREHOUSE),
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> RunSummary:
    clock = time.perf_counter()
    logger = get_run_logger()
    warehouse_dir = Path(warehouse).resolve()
    store = Warehouse(warehouse_dir)
    started_at = _utc_now()
    run_id = new_run_id()
    with store.writer_lock():
        store.remove_leftovers()
        plan = plan_files(paths, warehouse_dir, run_id, started_at)
        if plan.is_noop:
            logger.info("%d files found, none new or changed: nothing to do", plan.n_found)
            return RunSummary(
                run_id, "nothing to do", plan.n_found, 0, 0, 0, 0, 0, 0, 0, 0, time.perf_counter() - clock
            )
        staging = store.staging_dir(run_id)
        futures = [
            process_files.submit(quote(batch), number, run_id, started_at, staging, max_bytes)
            for number, batch in enumerate(plan.batches(batch_size))
        ]
        results = [future.result() for future in futures]
        totals = {
            field: sum(getattr(r, field) for r in results)
            for field in (
                "n_files",
                "n_articles",
                "n_rejects",
                "n_unchanged",
                "n_paragraphs",
                "n_sentences",
                "n_quotes",
            )
        }
        record = RunRecord(
            run_id=run_id,
            flow_run_id=flow_run.get_id(),
            started_at=started_at,
            finished_at=_utc_now(),
            n_files=totals["n_files"] - totals["n_unchanged"],
            n_articles=totals["n_articles"],
            n_rejects=totals["n_rejects"],
        )
        committed = commit(warehouse_dir, record)
    summary = RunSummary(
        run_id=run_id,
        status="committed",
        n_found=plan.n_found,
        n_replaced=committed.n_replaced,
        seconds=time.perf_counter() - clock,
        **totals,
    )
    logger.info("run %s: %s", run_id, summary)
    return summary

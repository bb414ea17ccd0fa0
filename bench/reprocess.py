"""Reprocessing benchmark: re-deriving every article from `raw_articles` vs reading every file again.

    .venv/bin/python bench/reprocess.py                    # 100,000 files (bench/throughput.py's corpus)
    .venv/bin/python bench/reprocess.py --files 20000 --workers 1

Builds a warehouse from N files, then alternates two runs through the same plan -> batches -> commit functions
the flow's tasks call (no Prefect, so only the work differs): one with every article stale (a changed rule:
re-derived from raw_articles, no file opened) and one with --full-refresh (every file read, hashed and
decoded again). Both derive all N articles. Prints each pair side by side (seconds per phase), the median
ratio, and the size of the re-derive plan (its rows name raw_articles parts; the texts stay on disk).
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import build_corpus

from wirehouse.batch import process_batch
from wirehouse.fingerprint import current_pipeline
from wirehouse.ids import new_run_id
from wirehouse.reprocess import plan_with_reprocessing, read_inputs
from wirehouse.store.commit import RunRecord, commit_run
from wirehouse.store.layout import Warehouse
from wirehouse.workers import run_in_worker, worker_pool


def one_run(corpus: Path, store: Warehouse, batch_size: int, **reprocess) -> dict[str, float]:
    """plan, batches (in the worker pool), commit; seconds per phase."""
    from concurrent.futures import ThreadPoolExecutor

    now = datetime.now(UTC).replace(tzinfo=None)
    run_id = new_run_id()
    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    plan, again = plan_with_reprocessing([str(corpus)], store, run_id, now, 5 * 1024 * 1024, **reprocess)
    seconds["plan"] = time.perf_counter() - clock
    seconds["plan_mb"] = plan.to_read.memory_usage(deep=True).sum() / 1e6
    clock = time.perf_counter()
    staging = store.staging_dir(run_id)
    with ThreadPoolExecutor(8) as threads:
        batches = plan.batches(batch_size)
        results = list(
            threads.map(lambda nb: run_in_worker(process_batch, nb[1], nb[0], run_id, now, staging), enumerate(batches))
        )
    seconds["batches"] = time.perf_counter() - clock
    clock = time.perf_counter()
    n_articles = sum(r.n_articles for r in results)
    commit_run(store, RunRecord(run_id, None, now, now, len(plan.to_read), n_articles, 0, again.n_rederive))
    seconds["commit"] = time.perf_counter() - clock
    seconds["articles"] = n_articles
    seconds["rederived"] = again.n_rederive
    return seconds


def input_seconds(corpus: Path, store: Warehouse, edited) -> dict[str, float]:
    """The step that differs, alone: the texts of every article from raw_articles vs read from the files
    (planning included, deriving excluded), alternated three times, best of each."""
    now = datetime.now(UTC).replace(tzinfo=None)
    best = {"stored": float("inf"), "files": float("inf")}
    for _ in range(3):
        for name, options in (("stored", {"pipeline": edited}), ("files", {"full_refresh": True})):
            clock = time.perf_counter()
            plan, _ = plan_with_reprocessing([str(corpus)], store, "bench", now, 5 * 1024 * 1024, **options)
            if name == "stored":  # full refresh leaves nothing stale: every row here reads a file
                assert plan.to_read["stored_part"].notna().all()
            read_inputs(plan.to_read, 5 * 1024 * 1024)
            best[name] = min(best[name], time.perf_counter() - clock)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--pairs", type=int, default=3, help="alternating re-derive / full-refresh pairs")
    parser.add_argument("--keep", type=Path, help="corpus folder to create or reuse (default: a temporary one)")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="wirehouse-reprocess-"))
    corpus = args.keep or scratch / "corpus"
    size = build_corpus(corpus, args.files)
    store = Warehouse(scratch / "warehouse")
    print(f"{args.files:,} files ({size / 1e6:.1f} MB), {args.workers} workers, batches of {args.batch_size}")
    current = current_pipeline()
    ratios = []
    try:
        with worker_pool(args.workers):
            _print_row("cold run", one_run(corpus, store, args.batch_size))
            for pair in range(args.pairs):
                edited = replace(current, seeds={**current.seeds, "speech_verbs.csv": f"edited-{pair}"})
                rederive = one_run(corpus, store, args.batch_size, pipeline=edited)
                refresh = one_run(corpus, store, args.batch_size, full_refresh=True)
                _print_row(f"pair {pair + 1}: re-derive", rederive)
                _print_row(f"pair {pair + 1}: --full-refresh", refresh)
                ratios.append(_total(rederive) / _total(refresh))
            inputs = input_seconds(corpus, store, edited)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    each = ", ".join(f"{ratio:.2f}" for ratio in ratios)
    print(f"re-derive / full refresh: median {statistics.median(ratios):.2f}x the time (pairs: {each})")
    print(
        f"getting the texts alone (best of 3, one process): from raw_articles {inputs['stored']:.2f} s, "
        f"reading the files {inputs['files']:.2f} s ({inputs['files'] / inputs['stored']:.1f}x)"
    )


def _total(row: dict[str, float]) -> float:
    return row["plan"] + row["batches"] + row["commit"]


def _print_row(name: str, row: dict[str, float]) -> None:
    total = _total(row)
    print(
        f"{name:28s} {total:7.1f} s = plan {row['plan']:.1f} + batches {row['batches']:.1f} + commit "
        f"{row['commit']:.1f}  ({row['articles']:,.0f} articles, {row['articles'] / total:,.0f}/s; "
        f"plan frame {row['plan_mb']:.1f} MB)",
        flush=True,
    )


if __name__ == "__main__":
    main()

"""Where a one-file commit's time goes in a big warehouse: the commit of one changed file, step by step.

    .venv/bin/python bench/commit_cost.py CORPUS WAREHOUSE [--rounds 3]

WAREHOUSE must already hold CORPUS (e.g. a `cp -al` copy of /tmp/wirehouse-speed/corpus-100000 and a
warehouse built from it by `wirehouse run`); each round appends a sentence to one file, then plans, processes,
links and commits it with the functions the flow's tasks call (no Prefect), and prints the seconds of each step
of the commit, the quality checks included. The warehouse is changed like a real run would change it.
"""

import argparse
import os
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import wirehouse.store.commit as commit_module
import wirehouse.store.delta as delta_module
import wirehouse.store.duckdb_build as build_module
from wirehouse.batch import process_batch
from wirehouse.fingerprint import current_pipeline
from wirehouse.ids import new_run_id
from wirehouse.link.stage import link_run
from wirehouse.ops.checks import run_checks
from wirehouse.reprocess import plan_with_reprocessing
from wirehouse.settings import DEFAULT_MAX_BYTES
from wirehouse.store.commit import RunRecord, commit_run
from wirehouse.store.layout import Warehouse

SPENT: dict[str, float] = defaultdict(float)


def timed(name: str, function: Callable) -> Callable:
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[name] += time.perf_counter() - start

    return wrapper


def instrument() -> None:
    """Wrap the commit's steps (module attributes the commit calls) with timers."""
    build_module.shutil = type(
        "timed_shutil", (), {"copyfile": staticmethod(timed("copy DuckDB file", shutil.copyfile))}
    )
    for name in ("_apply_changes", "_load_everything", "_rederive", "write_part"):
        setattr(build_module, name, timed(f"duckdb: {name.strip('_')}", getattr(build_module, name)))
    for name in ("_carry_over", "_merge_files", "_noop_manifest", "read_parts", "build_duckdb"):
        setattr(commit_module, name, timed(f"commit: {name.strip('_')}", getattr(commit_module, name)))
    for name in ("delta_changes", "take"):
        setattr(delta_module, name, timed(f"take older file: {name}", getattr(delta_module, name)))


def one_round(corpus: Path, root: Path, round_no: int) -> tuple[dict[str, float], str]:
    path = sorted(corpus.glob("0000/*.txt"))[1]
    # a new file renamed over the old one: the corpus may be hard links into a shared copy (`cp -al`), which
    # writing into the file would change too
    changed = path.with_name(f".{path.name}.new")
    text = path.read_text(encoding="utf-8") + f"\nA sentence added by round {round_no}.\n"
    changed.write_text(text, encoding="utf-8")
    os.replace(changed, path)
    SPENT.clear()
    store, now, run_id = Warehouse(root.resolve()), datetime.now(UTC).replace(tzinfo=None), new_run_id()
    with store.writer_lock():
        store.remove_leftovers()
        start = time.perf_counter()
        plan, again = plan_with_reprocessing([str(corpus)], store, run_id, now, DEFAULT_MAX_BYTES, False, None)
        SPENT["plan"] = time.perf_counter() - start
        start = time.perf_counter()
        results = [
            process_batch(b, n, run_id, now, store.staging_dir(run_id)) for n, b in enumerate(plan.batches(1000))
        ]
        SPENT["batch"] = time.perf_counter() - start
        start = time.perf_counter()
        link_run(store, run_id)
        SPENT["link"] = time.perf_counter() - start
        n_articles, n_rejects = sum(r.n_articles for r in results), sum(r.n_rejects for r in results)
        pipeline = current_pipeline().as_json()
        record = RunRecord(run_id, None, now, now, len(plan.to_read), n_articles, n_rejects, again.n_rederive, pipeline)

        def check(snapshot: Path) -> None:
            start = time.perf_counter()
            run_checks(snapshot, run_id)
            SPENT["quality checks"] = time.perf_counter() - start

        start = time.perf_counter()
        result = commit_run(store, record, check)
        SPENT["commit, all"] = time.perf_counter() - start
    return dict(SPENT), result.duckdb_start.value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    instrument()
    rounds, starts = zip(*(one_round(args.corpus, args.warehouse, n) for n in range(args.rounds)), strict=True)
    names = sorted({name for spent in rounds for name in spent}, key=lambda n: -max(r.get(n, 0) for r in rounds))
    print("| step | " + " | ".join(f"round {n + 1} s" for n in range(len(rounds))) + " |")
    print("| --- |" + " --- |" * len(rounds))
    print("| DuckDB file started from | " + " | ".join(starts) + " |")
    for name in names:
        print(f"| {name} | " + " | ".join(f"{r.get(name, 0):.3f}" for r in rounds) + " |")


if __name__ == "__main__":
    main()

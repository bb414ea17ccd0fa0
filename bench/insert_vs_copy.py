"""What a taken DuckDB file may insert before copying the current one is cheaper (MAX_INSERT_SHARE in
wirehouse/store/delta.py).

    .venv/bin/python bench/insert_vs_copy.py WAREHOUSE [--batches 0 1 2 4] [--rounds 2]

On a copy of WAREHOUSE's current snapshot (hard links for the Parquet parts, a scratch folder beside it): the
commit of a copied file that re-inserts one article (`copied`), against a taken file (copied beforehand,
untimed) that deletes and inserts again the articles of the first K batch parts of every loaded article table
(`taken, K batches`), as a commit does after a run that added K batches. Prints seconds and the Parquet bytes
inserted against the file's bytes. Nothing in WAREHOUSE is changed.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wirehouse.schema import LOADED_ARTICLE_TABLES
from wirehouse.store.duckdb_build import Changes, build_duckdb
from wirehouse.store.layout import DUCKDB_NAME, Warehouse, fsync
from wirehouse.store.parquet import parts


def scratch_snapshot(snapshot: Path, folder: Path) -> Path:
    """A snapshot folder whose Parquet parts are hard links of `snapshot`'s, and its stamps copied."""
    shutil.copytree(snapshot / "parquet", folder / "parquet", copy_function=os.link)
    for stamp in snapshot.glob("*.sha256"):
        shutil.copy(stamp, folder / stamp.name)
    return folder


def batch_parts(snapshot: Path, k: int) -> tuple[dict[str, list[str]], dict[str, list[Path]], int]:
    """(article ids per table, parts per table, Parquet bytes) of the first k batch parts of each table."""
    ids, chosen, size = {}, {}, 0
    for table in LOADED_ARTICLE_TABLES:
        found = [p for p in parts(snapshot / "parquet" / table) if p.stem[-5:].isdigit()][:k]
        chosen[table] = found
        ids[table] = sorted({i for p in found for i in pq.read_table(p, columns=["article_id"])[0].to_pylist()})
        size += sum(p.stat().st_size for p in found)
    return ids, chosen, size


def one(snapshot: Path, k: int | None) -> tuple[float, int]:
    with tempfile.TemporaryDirectory(dir=snapshot.parent.parent) as folder:
        scratch = scratch_snapshot(snapshot, Path(folder))
        database = scratch / DUCKDB_NAME
        if k is None:  # copied: the current file, one article re-inserted
            ids, chosen, size = batch_parts(scratch, 1)
            first = pq.read_table(chosen["articles"][0], columns=["article_id"])[0][0].as_py()
            changes = Changes(snapshot / DUCKDB_NAME, [first], {}, {})
        else:
            shutil.copyfile(snapshot / DUCKDB_NAME, database)
            fsync(database)  # else the timed checkpoint's fsync would write the untimed copy's pages
            ids, chosen, size = batch_parts(scratch, k)
            changes = Changes(database, [], chosen, {}, rows_of=ids, taken=True)
        start = time.perf_counter()
        build_duckdb(scratch / "parquet", database, changes)  # its CHECKPOINT fsyncs the file, copy included
        return time.perf_counter() - start, size if k else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--batches", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    snapshot = Warehouse(args.warehouse.resolve()).current_snapshot()
    file_bytes = (snapshot / DUCKDB_NAME).stat().st_size
    print(f"DuckDB file {file_bytes / 1e6:.0f} MB; load average {os.getloadavg()[0]:.1f}")
    print("| commit | " + " | ".join(f"round {n + 1} s" for n in range(args.rounds)) + " | Parquet inserted |")
    print("| --- |" + " --- |" * (args.rounds + 1))
    for k in [None, *args.batches]:
        results = [one(snapshot, k) for _ in range(args.rounds)]
        name = "copied, one article" if k is None else f"taken, {k} batch parts"
        share = results[0][1] / file_bytes
        times = " | ".join(f"{seconds:.2f}" for seconds, _ in results)
        print(f"| {name} | {times} | {results[0][1] / 1e6:.1f} MB ({share:.1%} of the file) |")


if __name__ == "__main__":
    main()

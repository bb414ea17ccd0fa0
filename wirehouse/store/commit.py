"""Commit a run: a new snapshot from the previous one plus the run's staged parts, then publish it.

Rows are replaced article by article: parts of the previous snapshot that hold none of the re-processed
articles are hard-linked unchanged; parts that do are rewritten without those rows. The small manifest
tables (files, rejects, runs) are rewritten whole. Nothing is visible until `Warehouse.publish`.
"""

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from wirehouse.batch import TOUCHED
from wirehouse.schema import ARTICLE_TABLES
from wirehouse.store.duckdb_build import build_duckdb
from wirehouse.store.layout import DUCKDB_NAME, Warehouse
from wirehouse.store.parquet import parts, read_parts, to_arrow, write_part


@dataclass(frozen=True)
class RunRecord:
    run_id: str
    flow_run_id: str | None
    started_at: datetime
    finished_at: datetime
    n_files: int
    n_articles: int
    n_rejects: int


@dataclass(frozen=True)
class CommitResult:
    snapshot: Path
    n_replaced: int


def _carry_over(old_dir: Path | None, new_dir: Path, replaced: pa.Array) -> None:
    """Hard-link each old part into the new snapshot, or rewrite it without the replaced articles."""
    new_dir.mkdir(parents=True, exist_ok=True)
    if old_dir is None:
        return
    for part in parts(old_dir):
        target = new_dir / part.name
        if len(replaced):
            keys = pq.read_table(part, columns=["article_id"])["article_id"]
            hit = pc.is_in(keys, value_set=replaced)
            if pc.any(hit).as_py():
                kept = pq.read_table(part).filter(pc.invert(hit))
                if kept.num_rows:
                    write_part(kept, target)
                continue
        os.link(part, target)


def _merge_files(old: pd.DataFrame, staged: pd.DataFrame, touched: pd.DataFrame) -> pd.DataFrame:
    """Old manifest rows, replaced by this run's rows per file; touched files only get a new size/mtime."""
    first_seen = dict(zip(old["file_id"], old["first_seen_at"], strict=True))
    staged = staged.copy()
    staged["first_seen_at"] = [
        first_seen.get(f, t) for f, t in zip(staged["file_id"], staged["first_seen_at"], strict=True)
    ]
    kept = old[~old["file_id"].isin(staged["file_id"])].copy()
    if not touched.empty:
        update = touched.set_index("file_id")
        hit = kept["file_id"].isin(update.index)
        kept.loc[hit, "size_bytes"] = kept.loc[hit, "file_id"].map(update["size_bytes"]).to_numpy()
        kept.loc[hit, "mtime_ns"] = kept.loc[hit, "file_id"].map(update["mtime_ns"]).to_numpy()
    merged = pd.concat([kept, staged], ignore_index=True) if not kept.empty else staged
    return merged.sort_values("source_path", kind="stable").reset_index(drop=True)


def commit_run(warehouse: Warehouse, run: RunRecord) -> CommitResult:
    staging = warehouse.staging_dir(run.run_id)
    previous = warehouse.current_snapshot()
    old_parquet = previous / "parquet" if previous else None
    building = warehouse.new_snapshot_dir(run.run_id)
    parquet_dir = building / "parquet"

    def old_table(table: str) -> pd.DataFrame:
        folder = old_parquet / table if old_parquet else staging / "none"
        return read_parts(folder, table).to_pandas()

    staged_files = read_parts(staging / "files", "files").to_pandas()
    touched_parts = parts(staging / TOUCHED)
    touched = (
        pa.concat_tables(pq.read_table(p) for p in touched_parts).to_pandas()
        if touched_parts
        else pd.DataFrame(columns=["file_id", "size_bytes", "mtime_ns"])
    )
    old_files = old_table("files")
    reprocessed = old_files[old_files["file_id"].isin(staged_files["file_id"]) & old_files["article_id"].notna()]
    replaced = pa.array(sorted(set(reprocessed["article_id"])), type=pa.string())

    for table in ARTICLE_TABLES:
        _carry_over(old_parquet / table if old_parquet else None, parquet_dir / table, replaced)
        for part in parts(staging / table):
            os.replace(part, parquet_dir / table / part.name)

    files = _merge_files(old_files, staged_files, touched)
    old_rejects = old_table("rejects")
    rejects = pd.concat(
        [
            old_rejects[~old_rejects["file_id"].isin(staged_files["file_id"])],
            read_parts(staging / "rejects", "rejects").to_pandas(),
        ],
        ignore_index=True,
    )
    runs = pd.concat([old_table("runs"), pd.DataFrame([_run_row(run, len(replaced))])], ignore_index=True)
    name = f"{run.run_id}.parquet"
    write_part(to_arrow("files", files), parquet_dir / "files" / name)
    write_part(to_arrow("rejects", rejects), parquet_dir / "rejects" / name)
    write_part(to_arrow("runs", runs), parquet_dir / "runs" / name)

    build_duckdb(parquet_dir, building / DUCKDB_NAME)
    snapshot = warehouse.publish(building, run.run_id)
    shutil.rmtree(staging, ignore_errors=True)
    return CommitResult(snapshot=snapshot, n_replaced=len(replaced))


def _run_row(run: RunRecord, n_replaced: int) -> dict:
    return {
        "run_id": run.run_id,
        "flow_run_id": run.flow_run_id,
        "started_at": run.started_at,
        "finished_at": run.finished_at,
        "n_files": run.n_files,
        "n_articles": run.n_articles,
        "n_rejects": run.n_rejects,
        "n_replaced": n_replaced,
        "status": "succeeded",
    }

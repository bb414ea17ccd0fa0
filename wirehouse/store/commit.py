"""Commit a run: a new snapshot from the previous one plus the run's staged parts, then publish it.

Rows are replaced article by article: parts of the previous snapshot that hold none of the re-processed
articles are hard-linked unchanged; parts that do are rewritten without those rows. The small manifest
tables (files, rejects, runs) are rewritten whole. Nothing is visible until `Warehouse.publish`.
"""

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from wirehouse.schema import ARTICLE_TABLES, TOUCHED, TOUCHED_SCHEMA, article_keys
from wirehouse.store.compact import compact, small_runs_of
from wirehouse.store.delta import record_manifest_rows, take_older
from wirehouse.store.duckdb_build import Changes, Start, build_duckdb
from wirehouse.store.layout import DUCKDB_NAME, Warehouse
from wirehouse.store.noop import NoopManifest
from wirehouse.store.parquet import may_hold, parts, read_parts, to_arrow, write_part


@dataclass(frozen=True)
class RunRecord:
    run_id: str
    flow_run_id: str | None
    started_at: datetime
    finished_at: datetime
    n_files: int
    n_articles: int
    n_rejects: int
    n_rederived: int = 0
    pipeline: str | None = None  # Pipeline.as_json() of the code and seeds that derived this run's rows


@dataclass(frozen=True)
class CommitResult:
    snapshot: Path
    n_replaced: int
    duckdb_start: Start  # what the snapshot's DuckDB file started from


def _carry_over(old_dir: Path | None, new_dir: Path, replaced: pa.Array, columns: tuple[str, ...]) -> None:
    """Hard-link each old part into the new snapshot, or rewrite it without the replaced articles' rows.

    Only the row groups whose min/max statistics can hold a replaced id are read to look for it, so a run
    replacing a few articles reads a few row groups, not every part; a rewritten part that is still big is
    split into parts of at most PART_ROWS rows, so the next run that hits one rewrites only that piece.
    """
    new_dir.mkdir(parents=True, exist_ok=True)
    if old_dir is None:
        return
    ids = sorted(replaced.to_pylist())
    for part in parts(old_dir):
        hit = _rows_hit(part, ids, replaced, columns) if ids else None
        if hit is None:
            os.link(part, new_dir / part.name)
            continue
        chunks = _pieces(pq.read_table(part).filter(pc.invert(hit)), columns[0])
        for number, chunk in enumerate(chunks):
            name = part.name if len(chunks) == 1 else f"{part.stem}.{number:03d}.parquet"
            write_part(chunk, new_dir / name)


PART_ROWS = 200_000  # rows of a rewritten part beyond which it is split (a batch part of story keys: ~150,000)


def _pieces(kept: pa.Table, key: str) -> list[pa.Table]:
    """`kept` cut into pieces of about PART_ROWS rows, each holding a range of articles (by `key`), every row
    of an article in one piece and the rows in their order. Cut by row count, a part sorted by another column
    (search_terms, by term) gave pieces that each held every article of the part, so each later commit that
    hit one article rewrote all of them: at 100,000 files, four pieces of 200,000 postings per one-file commit."""
    if kept.num_rows <= PART_ROWS:
        return [kept]
    ids = kept[key].combine_chunks()
    counts = pc.value_counts(ids)
    order = pc.sort_indices(counts.field("values"))
    values, rows = counts.field("values").take(order), counts.field("counts").take(order).to_numpy()
    piece_of_id = (np.cumsum(rows) - rows) // PART_ROWS  # by the first row of each article, in id order
    piece = piece_of_id[pc.index_in(ids, value_set=values).to_numpy()]
    return [kept.filter(pa.array(piece == number)) for number in np.unique(piece_of_id)]


def _rows_hit(part: Path, ids: list[str], replaced: pa.Array, columns: tuple[str, ...]) -> pa.Array | None:
    """Which rows of `part` name a replaced article (a boolean array), or None when none does."""
    parquet = pq.ParquetFile(part)
    metadata = parquet.metadata
    names = [metadata.schema.column(i).name for i in range(metadata.num_columns)]
    candidates = [
        group
        for group in range(metadata.num_row_groups)
        if any(may_hold(metadata.row_group(group).column(names.index(c)).statistics, ids) for c in columns)
    ]
    if not candidates:
        return None
    keys = parquet.read_row_groups(candidates, columns=list(columns))
    found = pc.is_in(keys[columns[0]], value_set=replaced)
    for column in columns[1:]:
        found = pc.or_(found, pc.is_in(keys[column], value_set=replaced))
    if not pc.any(found).as_py():
        return None
    keys = pq.read_table(part, columns=list(columns))  # the part is rewritten: every row's verdict
    hit = pc.is_in(keys[columns[0]], value_set=replaced)
    for column in columns[1:]:
        hit = pc.or_(hit, pc.is_in(keys[column], value_set=replaced))
    return hit


def _without(table: pa.Table, file_ids: pa.Array) -> pa.Table:
    """Rows of a manifest table whose file is not among file_ids."""
    return table.filter(pc.invert(pc.is_in(table["file_id"], value_set=file_ids)))


def _merge_files(old: pa.Table, staged: pa.Table, touched: pa.Table) -> pa.Table:
    """Old manifest rows, replaced by this run's rows per file; touched files only get a new size/mtime.

    A re-processed file keeps the first_seen_at the manifest had for it, and a file that stopped being an
    article keeps naming the article that holds its last loaded version. Sorted by path, as the old rows
    are: the run's rows are put in place and only the run's rows are joined, so a one-file commit does not
    join or sort the whole manifest (both were 0.07-0.35 s at 100,000 files, 7 Dec 22:37, load ~5).
    """
    schema = old.schema
    staged_ids = staged["file_id"].combine_chunks()
    mine = pc.is_in(old["file_id"], value_set=staged_ids)
    seen = old.filter(mine).select(["file_id", "first_seen_at", "article_id"])
    staged = staged.join(
        seen.rename_columns(["file_id", "seen_before", "article_before"]), "file_id", join_type="left outer"
    )
    for column, before in (("first_seen_at", "seen_before"), ("article_id", "article_before")):
        index = staged.schema.get_field_index(column)
        staged = staged.set_column(index, schema.field(column), pc.coalesce(staged[before], staged[column]))
    staged = staged.select(schema.names).cast(schema).sort_by("source_path")
    kept = old.filter(pc.invert(mine))
    if touched.num_rows:
        at = pc.index_in(kept["file_id"], value_set=touched["file_id"].combine_chunks())
        for column in ("size_bytes", "mtime_ns"):
            index = kept.schema.get_field_index(column)
            new = pc.coalesce(touched[column].combine_chunks().take(at), kept[column])
            kept = kept.set_column(index, schema.field(column), new)
    return _in_path_order(kept.cast(schema), staged)


def _in_path_order(kept: pa.Table, staged: pa.Table) -> pa.Table:
    """kept and staged (each sorted by source_path, no path in both) as one table sorted by source_path."""
    paths = kept["source_path"].combine_chunks()
    if len(paths) > 1 and not pc.all(pc.less(paths[:-1], paths[1:])).as_py():
        return pa.concat_tables([kept, staged]).sort_by("source_path")  # an old manifest not in path order
    at = np.searchsorted(paths.to_numpy(zero_copy_only=False), staged["source_path"].to_numpy(zero_copy_only=False))
    order = np.insert(np.arange(len(paths)), at, len(paths) + np.arange(staged.num_rows))
    return pa.concat_tables([kept, staged]).take(order)


def _read_touched(folder: Path) -> pa.Table:
    found = parts(folder)
    if not found:
        return TOUCHED_SCHEMA.empty_table()
    return pa.concat_tables(pq.read_table(p, schema=TOUCHED_SCHEMA) for p in found)


def replaced_articles(old_files: pa.Table, staged_files: pa.Table) -> pa.Array:
    """Ids of the published articles whose files this run loaded again: their old rows must go.

    One rule for every way a file stops being an article (emptied, binary, unreadable, gone, a stage error):
    its article keeps the last loaded version; only a file loaded again replaces its article's rows.
    """
    loaded_ids = staged_files.filter(pc.equal(staged_files["status"], "loaded"))["file_id"].combine_chunks()
    reprocessed = old_files.filter(pc.is_in(old_files["file_id"], value_set=loaded_ids))
    return pc.unique(reprocessed["article_id"].combine_chunks().drop_null())


def commit_run(warehouse: Warehouse, run: RunRecord, check: Callable[[Path], None] | None = None) -> CommitResult:
    """Build the run's snapshot and publish it; `check(snapshot_dir)` may raise to stop before publishing."""
    staging = warehouse.staging_dir(run.run_id)
    previous = warehouse.current_snapshot()
    old_parquet = previous / "parquet" if previous else staging / "no-previous-snapshot"
    building = warehouse.new_snapshot_dir(run.run_id)
    parquet_dir = building / "parquet"

    old_files = read_parts(old_parquet / "files", "files")
    staged_files = read_parts(staging / "files", "files")
    staged_ids = staged_files["file_id"].combine_chunks()
    replaced = replaced_articles(old_files, staged_files)

    for table in ARTICLE_TABLES:
        _carry_over(old_parquet / table if previous else None, parquet_dir / table, replaced, article_keys(table))
    old_runs = read_parts(old_parquet / "runs", "runs")
    compact(parquet_dir, ARTICLE_TABLES, run.run_id, small_runs_of(old_runs))  # carried-over parts only
    new_parts: dict[str, list[Path]] = {}
    for table in ARTICLE_TABLES:
        new_parts[table] = [parquet_dir / table / part.name for part in parts(staging / table)]
        for part in parts(staging / table):
            os.replace(part, parquet_dir / table / part.name)

    files = _merge_files(old_files, staged_files, _read_touched(staging / TOUCHED))
    staged_rejects = read_parts(staging / "rejects", "rejects")
    rejects = pa.concat_tables([_without(read_parts(old_parquet / "rejects", "rejects"), staged_ids), staged_rejects])
    runs = pa.concat_tables([old_runs, to_arrow("runs", _run_row(run, len(replaced)))])
    name = f"{run.run_id}.parquet"
    for table, data in (("files", files), ("rejects", rejects), ("runs", runs)):
        write_part(data, parquet_dir / table / name)

    _noop_manifest(previous, parquet_dir, files, rejects).write(building)
    touched_ids = _read_touched(staging / TOUCHED)["file_id"].to_pylist()
    manifest_rows = {  # the rows of the manifest tables this run changed (the DuckDB file replaces only them)
        "files": ("file_id", staged_ids.to_pylist() + touched_ids),
        "rejects": ("file_id", staged_ids.to_pylist() + staged_rejects["file_id"].to_pylist()),
        "runs": ("run_id", [run.run_id]),
    }
    reuse = previous is not None and not _replaces_most(old_files, replaced)
    copied = Changes(previous / DUCKDB_NAME if reuse else None, replaced.to_pylist(), new_parts, manifest_rows)
    record_manifest_rows(building, manifest_rows)
    taken = take_older(previous, building, staging / ".delta", manifest_rows) if reuse else None
    start = build_duckdb(parquet_dir, building / DUCKDB_NAME, taken or copied)
    if check is not None:
        check(building)  # raises to leave `current` on the previous snapshot
    snapshot = warehouse.publish(building, run.run_id)
    shutil.rmtree(staging, ignore_errors=True)
    return CommitResult(snapshot=snapshot, n_replaced=len(replaced), duckdb_start=start)


def _replaces_most(old_files: pa.Table, replaced: pa.Array) -> bool:
    """True when a run replaces at least half of the published articles (a changed rule, --full-refresh): then
    DuckDB is built afresh from the Parquet parts. Updating a copy of the old file instead (delete every row,
    insert them again) took 1.4x as long at 10,000 articles and left a file twice the size."""
    published = pc.count_distinct(old_files["article_id"]).as_py()
    return published > 0 and 2 * len(replaced) >= published


def _noop_manifest(previous: Path | None, parquet_dir: Path, files: pa.Table, rejects: pa.Table) -> NoopManifest:
    """The no-op fast path's facts (wirehouse.store.noop); fingerprint counts are read only from the articles
    parts this run wrote or rewrote, the others' are carried over from the previous snapshot's manifest."""
    before = NoopManifest.read(previous) if previous else None
    counts: dict[str, dict[str | None, int]] = {}
    for part in parts(parquet_dir / "articles"):
        old = previous / "parquet" / "articles" / part.name if previous else None
        if before is not None and part.name in before.fingerprints and old is not None and _same_file(old, part):
            counts[part.name] = before.fingerprints[part.name]
            continue
        column = pq.read_table(part, columns=["pipeline_fingerprint"])["pipeline_fingerprint"]
        counts[part.name] = {row["values"]: row["counts"] for row in pc.value_counts(column).to_pylist()}
    columns = ("source_path", "size_bytes", "mtime_ns")
    return NoopManifest.from_rows(
        tuple(files[c].to_pylist() for c in columns),
        tuple(rejects[c].to_pylist() for c in ("source_path", "reason", "size_bytes")),
        counts,
    )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except FileNotFoundError:
        return False


def _run_row(run: RunRecord, n_replaced: int) -> dict[str, list]:
    return {
        "run_id": [run.run_id],
        "flow_run_id": [run.flow_run_id],
        "started_at": [run.started_at],
        "finished_at": [run.finished_at],
        "n_files": [run.n_files],
        "n_articles": [run.n_articles],
        "n_rejects": [run.n_rejects],
        "n_replaced": [n_replaced],
        "status": ["succeeded"],
        "n_rederived": [run.n_rederived],
        "pipeline": [run.pipeline],
    }

"""A commit that takes the DuckDB file of the snapshot before the current one instead of copying the current one.

Exactly two snapshots are kept: `current` (run N) and the one before it (N-1), which the commit of run N+1
removes anyway. So run N+1 renames N-1's file into the snapshot it builds and brings it from state N-1 to state
N+1 in one transaction, instead of copying N's file (668 MB at 100,000 articles, 5.9 GB at 1,000,000: "commit
30.9 s (the 5.9 GB DuckDB file copied before it is updated ...)", README, Speed). The DuckDB file of a snapshot
holds exactly the rows of that snapshot's Parquet parts, so what to change comes from the two Parquet folders,
not from any record of run N:

- per article table, a part of the new snapshot that is the same file (a hard link) as one of N-1's is
  unchanged; a part under the same name (or a split piece of it: `<stem>.<nnn>.parquet`) that is another file
  is a rewrite by `_carry_over`, which only drops rows, so only the articles that lost rows in it changed; any
  other new part is new, and all its articles changed.
- the rows of every changed article are deleted and inserted again from the new snapshot: whole new parts,
  and the changed articles' rows of any other part that holds some (read through the row groups' min/max,
  written to scratch parts), so an article whose rows lie in several parts is still complete.
- manifest tables (files, rejects, runs): the rows whose key has a row in one snapshot that the other lacks.

Taken only when it is safe and cheaper: N-1's file exists with the same schema and seeds stamps, no other
process holds it open (DuckDB refuses a writer then, and an analyst may still read the old snapshot), and the
parts to insert are small against the file (a cold run's successor would insert the whole warehouse).
Otherwise the commit copies N's file as before. If the run is killed after the rename, `current` (N) is
untouched; N-1 lost a file that no published snapshot needs, and the next run copies instead.
"""

import json
import os
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from wirehouse.schema import LOADED_ARTICLE_TABLES, MANIFEST_TABLES, read_sql
from wirehouse.scratch import scratch_db
from wirehouse.store.duckdb_build import (
    FINGERPRINT,
    SEEDS_FINGERPRINT,
    Changes,
    schema_fingerprint,
    seeds_fingerprint,
)
from wirehouse.store.layout import DUCKDB_NAME, PREVIOUS
from wirehouse.store.parquet import may_hold, part_paths, parts, write_part

# Inserting rows costs far more per byte than copying a file: the parts to insert (Parquet bytes) may be at
# most this share of the taken file's bytes, else the current file is copied. At 100,000 articles (669 MB file,
# bench/insert_vs_copy.py, 7 Dec 20:06, load 3.4-8.5): a copied commit 1.6-4.7 s; a taken file inserting one
# batch part (5,000 articles, 11.1 MB of Parquet, 1.7 % of the file) 8.4-10.6 s, two 16.6-19.9 s, four
# 30.4-33.2 s: ~0.8 s per MB, so the copy wins beyond a few MB (~0.4 %). Up to MIN_INSERT_BYTES (~500
# articles, under a second by the same figure) the older file is taken whatever its size.
MAX_INSERT_SHARE = 1 / 256
MIN_INSERT_BYTES = 1 << 20
MANIFEST_KEYS = "manifest.keys"  # beside a snapshot's files: record_manifest_rows
MAX_RECORDED = 10_000  # keys at most in it
ManifestRows = dict[str, tuple[str, list[str]]]  # manifest table -> (key column, keys of the rows that changed)
KEY = "article_id"  # every article table's rows are grouped by it (article_links: the linking article)


def older_database(current: Path | None) -> Path | None:
    """N-1's DuckDB file when the current snapshot names one that matches this code's schema and seeds."""
    if current is None or not (current / PREVIOUS).is_file():
        return None
    name = (current / PREVIOUS).read_text().strip()
    database = current.parent / name / DUCKDB_NAME
    if not name or not database.is_file() or database.with_name(f"{DUCKDB_NAME}.wal").exists():
        return None
    stamps = ((FINGERPRINT, schema_fingerprint()), (SEEDS_FINGERPRINT, seeds_fingerprint()))
    for stamp, value in stamps:
        path = database.with_name(stamp)
        if not path.is_file() or path.read_text() != value:
            return None
    return database


def take(database: Path, target: Path) -> bool:
    """Rename `database` to `target` if no other process has it open (then DuckDB lets us write it); else leave
    it where it was. Once renamed nobody can open it by its old path, so the check cannot go stale. DuckDB's
    lock is per process, so a connection of this very process to the file is looked for among its own."""
    if _open_here(database):
        return False
    os.rename(database, target)
    try:
        duckdb.connect(str(target)).close()
    except duckdb.Error:  # "Could not set lock on file": a reader holds it
        os.rename(target, database)
        return False
    return True


def _open_here(path: Path) -> bool:
    """Whether this process has `path` open (Linux /proc; False where there is none)."""
    wanted = os.stat(path)
    for fd in os.listdir("/proc/self/fd") if os.path.isdir("/proc/self/fd") else ():
        try:
            found = os.stat(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (wanted.st_dev, wanted.st_ino):
            return True
    return False


def delta_changes(older: Path, current: Path, new: Path, scratch: Path, this_run: ManifestRows) -> Changes | None:
    """The Changes from snapshot folder `older` (N-1) to the one being built, `new` (N+1), given the manifest
    rows of run N+1; None when inserting them would cost more than copying the current file."""
    limit = max((older / DUCKDB_NAME).stat().st_size * MAX_INSERT_SHARE, MIN_INSERT_BYTES)
    rows_of: dict[str, list[str]] = {}
    new_parts: dict[str, list[Path]] = {}
    total = 0
    for table in LOADED_ARTICLE_TABLES:
        ids, inserted = _table_delta(older / "parquet" / table, new / "parquet" / table, scratch / table)
        total += sum(part.stat().st_size for part in inserted)
        if total > limit:
            return None
        rows_of[table], new_parts[table] = ids, inserted
    manifest = _manifest_rows(older, current, new, this_run)
    return Changes(older / DUCKDB_NAME, [], new_parts, manifest, rows_of=rows_of, taken=True)


def take_older(current: Path, building: Path, scratch: Path, this_run: ManifestRows) -> Changes | None:
    """The Changes of a commit that took N-1's DuckDB file (now `building`/wirehouse.duckdb), or None when it
    is not safe or not cheaper (then nothing was moved)."""
    older = older_database(current)
    if older is None:
        return None
    changes = delta_changes(older.parent, current, building, scratch, this_run)
    if changes is None or not take(older, building / DUCKDB_NAME):
        return None
    return changes


def record_manifest_rows(snapshot: Path, rows: ManifestRows) -> None:
    """Beside a snapshot's files: the manifest rows its run changed against the snapshot before it, unless
    there are many (a cold run's: its successor's successor compares the parts instead)."""
    if sum(len(keys) for _, keys in rows.values()) <= MAX_RECORDED:
        (snapshot / MANIFEST_KEYS).write_text(json.dumps(rows))


def _manifest_rows(older: Path, current: Path, new: Path, this_run: ManifestRows) -> ManifestRows:
    """The manifest rows that differ between N-1 and N+1: those run N recorded and run N+1's own. Without a
    record (a snapshot written before it existed), the two snapshots' manifest parts are compared instead
    (0.45 s at 100,000 files, where reading the record takes milliseconds)."""
    try:
        recorded = json.loads((current / MANIFEST_KEYS).read_text())
    except (OSError, ValueError):
        return {table: _manifest_delta(older / "parquet" / table, new / "parquet" / table) for table in MANIFEST_TABLES}
    rows: ManifestRows = {}
    for table, (column, keys) in this_run.items():
        rows[table] = (column, sorted(set(keys) | set(recorded.get(table, ["", []])[1])))
    return rows


def _table_delta(old_dir: Path, new_dir: Path, scratch: Path) -> tuple[list[str], list[Path]]:
    """(ids of the articles whose rows changed, parts holding every new row of theirs) of one article table."""
    old = {part.name: part for part in parts(old_dir)}
    unchanged, families, fresh = [], {}, []
    for part in parts(new_dir):
        if part.name in old and os.path.samefile(part, old[part.name]):
            unchanged.append(part)
            continue
        parent = _parent(part.name, old)
        if parent is None:
            fresh.append(part)
        else:
            families.setdefault(parent, []).append(part)
    changed: set[str] = set()
    for part in fresh:
        changed.update(_ids(part).to_pylist())
    kept = {part.name for part in unchanged}
    rewritten: dict[Path, pa.Array] = {}  # each rewrite's article ids, row by row
    for name, path in old.items():
        if name not in kept:
            family = {part: _ids(part) for part in families.get(name, [])}
            changed.update(_lost_rows(_ids(path), list(family.values())))
            rewritten.update(family)
    ids = sorted(changed)
    if not ids:
        return [], []
    value_set = pa.array(ids, pa.string())
    inserted = list(fresh)
    holding = [part for part, keys in rewritten.items() if pc.any(pc.is_in(keys, value_set=value_set)).as_py()]
    for part in unchanged + holding:
        rows = _rows_of(part, ids, value_set)
        if rows is not None:
            inserted.append(write_part(rows, scratch / part.name))
    return ids, inserted


def _parent(name: str, old: dict[str, Path]) -> str | None:
    """The old part that `name` rewrites: the same name, or a piece of it split by `_carry_over`."""
    stem = name.removesuffix(".parquet")
    while True:
        if f"{stem}.parquet" in old:
            return f"{stem}.parquet"
        stem, dot, piece = stem.rpartition(".")
        if not dot or not piece.isdigit():
            return None


def _ids(part: Path) -> pa.Array:
    return pq.read_table(part, columns=[KEY])[KEY].combine_chunks()


def _lost_rows(before: pa.Array, rewrites: list[pa.Array]) -> list[str]:
    """Articles with fewer rows in a part's rewrites (`rewrites`, their ids row by row) than in the part
    (`before`). A rewrite only drops rows, so an article with as many rows as before has the same rows; should
    a rewrite hold rows the part did not, each of its articles counts as changed."""
    after = pa.concat_arrays(rewrites) if rewrites else pa.array([], pa.string())
    counts = pa.table({"k": pc.value_counts(before).field(0), "n": pc.value_counts(before).field(1)})
    kept = pa.table({"k": pc.value_counts(after).field(0), "m": pc.value_counts(after).field(1)})
    joined = counts.join(kept, "k", join_type="full outer")
    before_n, after_n = pc.fill_null(joined["n"], 0), pc.fill_null(joined["m"], 0)
    if pc.any(pc.greater(after_n, before_n)).as_py():
        return joined["k"].to_pylist()
    return joined.filter(pc.less(after_n, before_n))["k"].to_pylist()


def _rows_of(part: Path, ids: list[str], value_set: pa.Array) -> pa.Table | None:
    """The rows of `part` whose article is among the sorted `ids`, or None when it has none (row groups whose
    min/max rule every id out are not read)."""
    parquet = pq.ParquetFile(part)
    metadata = parquet.metadata
    column = parquet.schema_arrow.get_field_index(KEY)
    groups = [
        group
        for group in range(metadata.num_row_groups)
        if may_hold(metadata.row_group(group).column(column).statistics, ids)
    ]
    if not groups:
        return None
    keys = parquet.read_row_groups(groups, columns=[KEY])[KEY]
    if not pc.any(pc.is_in(keys, value_set=value_set)).as_py():
        return None
    rows = parquet.read_row_groups(groups)
    return rows.filter(pc.is_in(rows[KEY], value_set=value_set))


def _manifest_delta(old_dir: Path, new_dir: Path) -> tuple[str, list[str]]:
    """(key column, keys whose rows differ between the two snapshots' parts of a manifest table)."""
    column = "run_id" if old_dir.name == "runs" else "file_id"
    old, new = part_paths(old_dir), part_paths(new_dir)
    if not old or not new:
        return column, _all_keys(old + new, column)
    con = scratch_db()
    try:
        sql = read_sql("load/changed_keys.sql").format(column=column)
        return column, [key for (key,) in con.execute(sql, {"old": old, "new": new}).fetchall()]
    finally:
        con.close()


def _all_keys(files: list[str], column: str) -> list[str]:
    return sorted({key for f in files for key in pq.read_table(f, columns=[column])[column].to_pylist()})

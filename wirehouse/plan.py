"""Plan a run: which files need reading, under which ids, in which batches. Cheap: list, stat, compare.

Article ids are the file's path below the folder given to `run`, without extension (the name a wire feed
gives its story, e.g. `001_468d0ff313ca5494` or `business/001`). A file keeps the id the manifest gave it,
so ids never move; a new file whose name is already taken by another file gets `~` and its file id appended.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import pyarrow as pa

from wirehouse.ids import file_id as make_file_id
from wirehouse.ingest.discover import Listing, article_name, list_inputs
from wirehouse.ingest.recheck import Recheck, under
from wirehouse.store.layout import Warehouse
from wirehouse.store.parquet import read_parts

logger = logging.getLogger("wirehouse")
TO_READ_COLUMNS = ("file_id", "source_path", "article_id", "size_bytes", "mtime_ns", "known_sha256")
# Optional columns of to_read: a reject decided while listing (the file is not opened then).
LISTING_REJECT_COLUMNS = ("reject_reason", "reject_detail")


@dataclass
class RunPlan:
    run_id: str
    started_at: datetime
    n_found: int
    to_read: pd.DataFrame  # TO_READ_COLUMNS

    @classmethod
    def nothing(cls, run_id: str, started_at: datetime, n_found: int) -> "RunPlan":
        """The plan of a run with nothing to do (decided by the no-op fast path, wirehouse.store.noop)."""
        to_read = pd.DataFrame({name: pd.Series(dtype=object) for name in (*TO_READ_COLUMNS, *LISTING_REJECT_COLUMNS)})
        return cls(run_id=run_id, started_at=started_at, n_found=n_found, to_read=to_read)

    @property
    def is_noop(self) -> bool:
        return self.to_read.empty

    def n_batches(self, batch_size: int) -> int:
        return -(-len(self.to_read) // batch_size)

    def batches(self, batch_size: int) -> list[pd.DataFrame]:
        return [
            self.to_read.iloc[i : i + batch_size].reset_index(drop=True)
            for i in range(0, len(self.to_read), batch_size)
        ]


def load_manifest(warehouse: Warehouse) -> pa.Table:
    """The files table of the published snapshot (empty for a new warehouse)."""
    snapshot = warehouse.current_snapshot()
    folder = snapshot / "parquet" / "files" if snapshot else warehouse.root / "no-snapshot-yet"
    return read_parts(folder, "files")


def load_rejects(warehouse: Warehouse) -> pa.Table:
    snapshot = warehouse.current_snapshot()
    folder = snapshot / "parquet" / "rejects" if snapshot else warehouse.root / "no-snapshot-yet"
    return read_parts(folder, "rejects", columns=["source_path", "reason"])


def plan_run(
    paths: list[str],
    warehouse: Warehouse,
    run_id: str,
    started_at: datetime,
    follow_outside: bool = False,
    reread: frozenset[str] = frozenset(),
    reread_all: bool = False,
    listing: Listing | None = None,
) -> RunPlan:
    """What to read: new and changed files, plus those in `reread` (or every one) even when unchanged.

    `listing`: list_inputs(paths, follow_outside) when the caller has just taken it (the no-op check)."""
    listing = listing if listing is not None else list_inputs(paths, follow_outside)
    if listing.vanished:
        logger.warning("%d files vanished while the inbox was listed; they are left for the next run", listing.vanished)
    known = Known.of(load_manifest(warehouse))
    recheck = Recheck.from_rejects(load_rejects(warehouse))
    rows: dict[str, list] = {name: [] for name in (*TO_READ_COLUMNS, *LISTING_REJECT_COLUMNS)}
    for (path, size_bytes, mtime_ns, root), retry in _to_read(listing, known, recheck, reread, reread_all):
        previous = known.row(path)
        fid = make_file_id(path)
        if previous is not None and previous[3] is not None:
            article_id = previous[3]
        else:
            article_id = article_name(path, root)
            if article_id in known.taken:
                article_id = f"{article_id}~{fid[:8]}"
            known.taken.add(article_id)
        rows["file_id"].append(fid)
        rows["source_path"].append(path)
        rows["article_id"].append(article_id)
        rows["size_bytes"].append(size_bytes)
        rows["mtime_ns"].append(mtime_ns)
        rows["known_sha256"].append(previous[2] if previous is not None and not retry else None)
        rows["reject_reason"].append(None)
        rows["reject_detail"].append(None)
    _add_listing_rejects(rows, listing, known, recheck)
    to_read = pd.DataFrame(rows, columns=[*TO_READ_COLUMNS, *LISTING_REJECT_COLUMNS])
    return RunPlan(run_id=run_id, started_at=started_at, n_found=len(listing.entries), to_read=to_read)


@dataclass
class Known:
    """The manifest as a plan reads it: (size, mtime) per path for the comparison with the listing, built at C
    speed, and a file's whole row only for the few paths that need it (a one-file run over 100,000 files
    built a dict of five-column tuples and a named tuple per listed file: ~1.5 s of its plan)."""

    stamps: dict[str, tuple[int, int]]  # path -> (size_bytes, mtime_ns)
    manifest: pa.Table
    index: dict[str, int]  # path -> row of manifest
    taken: set[str]  # article ids in use

    @classmethod
    def of(cls, manifest: pa.Table) -> "Known":
        paths = manifest["source_path"].to_pylist()
        stamps = zip(manifest["size_bytes"].to_pylist(), manifest["mtime_ns"].to_pylist(), strict=True)
        taken = set(manifest["article_id"].drop_null().to_pylist())
        index = dict(zip(paths, range(len(paths)), strict=True))
        return cls(dict(zip(paths, stamps, strict=True)), manifest, index, taken)

    def row(self, path: str) -> tuple[int, int, str | None, str | None] | None:
        """(size, mtime, sha256, article id) of a path the manifest knows, else None."""
        number = self.index.get(path)
        if number is None:
            return None
        size, mtime = self.stamps[path]
        return size, mtime, self.manifest["content_sha256"][number].as_py(), self.manifest["article_id"][number].as_py()


def _retry(path: str, recheck: Recheck, reread: frozenset[str], reread_all: bool) -> bool:
    return recheck.retry(path) or reread_all or path in reread  # (wirehouse.reprocess)


def _to_read(listing: Listing, known: Known, recheck: Recheck, reread: frozenset[str], reread_all: bool):
    """The listed entries that need reading (new, changed in size or mtime, or to be read again), each with
    whether it is read again although unchanged (its known sha256 is then not trusted)."""
    stamps = known.stamps
    for entry in listing.entries:
        retry = _retry(entry[0], recheck, reread, reread_all)
        if retry or stamps.get(entry[0]) != (entry[1], entry[2]):
            yield entry, retry  # otherwise unchanged since the manifest saw it: not even opened


def _add_listing_rejects(rows: dict[str, list], listing: Listing, known: Known, recheck: Recheck) -> None:
    """Rows for entries skipped while listing, and for manifest files gone from a folder listed whole."""
    for item in listing.skipped:
        previous = known.row(item.source_path)
        if previous is not None and (previous[0], previous[1]) == (item.size_bytes, item.mtime_ns):
            continue  # rejected before, unchanged
        _append(rows, item.source_path, previous, item.size_bytes, item.mtime_ns, item.reason, item.detail)
    seen = {entry[0] for entry in listing.entries} | {item.source_path for item in listing.skipped}
    for path in sorted(known.stamps.keys() - seen, key=known.index.__getitem__):  # in manifest order
        previous = known.row(path)
        if under(path, listing.folders) and not recheck.already_gone(path):
            kept = f"; article {previous[3]!r} keeps its last loaded version" if previous[3] else ""
            _append(rows, path, previous, previous[0], previous[1], "gone", f"no longer in the inbox{kept}")


def _append(rows, path, previous, size, mtime, reason, detail) -> None:
    rows["file_id"].append(make_file_id(path))
    rows["source_path"].append(path)
    rows["article_id"].append(previous[3] if previous is not None else None)
    rows["size_bytes"].append(size)
    rows["mtime_ns"].append(mtime)
    rows["known_sha256"].append(None)
    rows["reject_reason"].append(reason)
    rows["reject_detail"].append(detail)

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
from wirehouse.ingest.discover import Listing, list_inputs
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
    found = listing.found
    if listing.vanished:
        logger.warning("%d files vanished while the inbox was listed; they are left for the next run", listing.vanished)
    manifest = load_manifest(warehouse)
    recheck = Recheck.from_rejects(load_rejects(warehouse))
    known = {
        path: (size, mtime, sha, article_id)
        for path, size, mtime, sha, article_id in zip(
            manifest["source_path"].to_pylist(),
            manifest["size_bytes"].to_pylist(),
            manifest["mtime_ns"].to_pylist(),
            manifest["content_sha256"].to_pylist(),
            manifest["article_id"].to_pylist(),
            strict=True,
        )
    }
    taken = {a for a in manifest["article_id"].to_pylist() if a is not None}
    rows: dict[str, list] = {name: [] for name in (*TO_READ_COLUMNS, *LISTING_REJECT_COLUMNS)}
    for item in found:
        previous = known.get(item.source_path)
        retry = recheck.retry(item.source_path) or reread_all or item.source_path in reread  # (wirehouse.reprocess)
        if previous is not None and previous[0] == item.size_bytes and previous[1] == item.mtime_ns and not retry:
            continue  # unchanged since the manifest saw it: not even opened
        fid = make_file_id(item.source_path)
        if previous is not None and previous[3] is not None:
            article_id = previous[3]
        else:
            article_id = item.article_name
            if article_id in taken:
                article_id = f"{article_id}~{fid[:8]}"
            taken.add(article_id)
        rows["file_id"].append(fid)
        rows["source_path"].append(item.source_path)
        rows["article_id"].append(article_id)
        rows["size_bytes"].append(item.size_bytes)
        rows["mtime_ns"].append(item.mtime_ns)
        rows["known_sha256"].append(previous[2] if previous is not None and not retry else None)
        rows["reject_reason"].append(None)
        rows["reject_detail"].append(None)
    _add_listing_rejects(rows, listing, known, recheck)
    to_read = pd.DataFrame(rows, columns=[*TO_READ_COLUMNS, *LISTING_REJECT_COLUMNS])
    return RunPlan(run_id=run_id, started_at=started_at, n_found=len(found), to_read=to_read)


def _add_listing_rejects(rows: dict[str, list], listing, known: dict, recheck: Recheck) -> None:
    """Rows for entries skipped while listing, and for manifest files gone from a folder listed whole."""
    for item in listing.skipped:
        previous = known.get(item.source_path)
        if previous is not None and (previous[0], previous[1]) == (item.size_bytes, item.mtime_ns):
            continue  # rejected before, unchanged
        _append(rows, item.source_path, previous, item.size_bytes, item.mtime_ns, item.reason, item.detail)
    seen = {item.source_path for item in listing.found} | {item.source_path for item in listing.skipped}
    for path, previous in known.items():
        if path not in seen and under(path, listing.folders) and not recheck.already_gone(path):
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

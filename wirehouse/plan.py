"""Plan a run: which files need reading, under which ids, in which batches. Cheap: list, stat, compare.

Article ids are the file's path below the folder given to `run`, without extension (the name a wire feed
gives its story, e.g. `001_468d0ff313ca5494` or `business/001`). A file keeps the id the manifest gave it,
so ids never move; a new file whose name is already taken by another file gets `~` and its file id appended.
"""

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import pyarrow as pa

from wirehouse.ids import file_id as make_file_id
from wirehouse.ingest.discover import discover
from wirehouse.store.layout import Warehouse
from wirehouse.store.parquet import read_parts

TO_READ_COLUMNS = ("file_id", "source_path", "article_id", "size_bytes", "mtime_ns", "known_sha256")


@dataclass
class RunPlan:
    run_id: str
    started_at: datetime
    n_found: int
    to_read: pd.DataFrame  # TO_READ_COLUMNS

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


def plan_run(
    paths: list[str],
    warehouse: Warehouse,
    run_id: str,
    started_at: datetime,
    reread: frozenset[str] = frozenset(),
    reread_all: bool = False,
) -> RunPlan:
    """What to read: new and changed files, plus those in `reread` (or every one) even when unchanged."""
    found = discover(paths)
    manifest = load_manifest(warehouse)
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
    rows: dict[str, list] = {name: [] for name in TO_READ_COLUMNS}
    for item in found:
        previous = known.get(item.source_path)
        forced = reread_all or item.source_path in reread  # read again although unchanged (wirehouse.reprocess)
        if previous is not None and previous[0] == item.size_bytes and previous[1] == item.mtime_ns and not forced:
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
        rows["known_sha256"].append(previous[2] if previous is not None and not forced else None)
    to_read = pd.DataFrame(rows, columns=list(TO_READ_COLUMNS))
    return RunPlan(run_id=run_id, started_at=started_at, n_found=len(found), to_read=to_read)

"""Plan a run: which files need reading, under which ids, in which batches. Cheap: list, stat, compare.

Article ids are the file's path below the folder given to `run`, without extension (the name a wire feed
gives its story, e.g. `001_468d0ff313ca5494` or `business/001`). A file keeps the id the manifest gave it,
so ids never move; a new file whose name is already taken by another file gets `~` and its file id appended.
"""

import logging
import operator
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from itertools import compress

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from wirehouse.ids import file_id as make_file_id
from wirehouse.ingest.discover import Listing, article_name, list_inputs
from wirehouse.ingest.recheck import Recheck, under
from wirehouse.store.layout import Warehouse
from wirehouse.store.noop import NoopManifest
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


def load_manifest(warehouse: Warehouse, columns: list[str] | None = None) -> pa.Table:
    """The files table of the published snapshot (empty for a new warehouse)."""
    snapshot = warehouse.current_snapshot()
    folder = snapshot / "parquet" / "files" if snapshot else warehouse.root / "no-snapshot-yet"
    return read_parts(folder, "files", columns=columns)


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
    noop: NoopManifest | None = None,
) -> RunPlan:
    """What to read: new and changed files, plus those in `reread` (or every one) even when unchanged.

    `listing`: list_inputs(paths, follow_outside) when the caller has just taken it (the no-op check), and
    `noop` the published snapshot's no-op manifest it read (read here when not given)."""
    listing = listing if listing is not None else list_inputs(paths, follow_outside)
    if listing.vanished:
        logger.warning("%d files vanished while the inbox was listed; they are left for the next run", listing.vanished)
    snapshot = warehouse.current_snapshot()
    noop = noop if noop is not None or snapshot is None else NoopManifest.read(snapshot)
    known = Known.of(load_manifest(warehouse, MANIFEST_COLUMNS), noop)
    recheck = Recheck(noop.healing) if noop is not None else Recheck.from_rejects(load_rejects(warehouse))
    rows: dict[str, list] = {name: [] for name in (*TO_READ_COLUMNS, *LISTING_REJECT_COLUMNS)}
    to_read = list(_to_read(listing, known, recheck, reread, reread_all))
    known.fetch(entry[0] for entry, _ in to_read)
    for (path, size_bytes, mtime_ns, root), retry in to_read:
        previous = known.row(path)
        fid = make_file_id(path)
        if previous is not None and previous[3] is not None:
            article_id = previous[3]
        else:
            article_id = article_name(path, root)
            if known.is_taken(article_id):
                article_id = f"{article_id}~{fid[:8]}"
            known.take(article_id)
        rows["file_id"].append(fid)
        rows["source_path"].append(path)
        rows["article_id"].append(article_id)
        rows["size_bytes"].append(size_bytes)
        rows["mtime_ns"].append(mtime_ns)
        rows["known_sha256"].append(previous[2] if previous is not None and not retry else None)
        rows["reject_reason"].append(None)
        rows["reject_detail"].append(None)
    _add_listing_rejects(rows, listing, known, recheck)
    frame = pd.DataFrame(rows, columns=[*TO_READ_COLUMNS, *LISTING_REJECT_COLUMNS])
    return RunPlan(run_id=run_id, started_at=started_at, n_found=len(listing.entries), to_read=frame)


MANIFEST_COLUMNS = ["source_path", "size_bytes", "mtime_ns", "content_sha256", "article_id"]  # what a plan reads


@dataclass
class Known:
    """The manifest as a plan reads it: (size, mtime) per path for the comparison with the listing, and a
    file's whole row only for the few paths that need it, fetched at C speed. The stamps come from the
    snapshot's no-op manifest when it has one (lists of Python values already: the no-op check has just read
    them); building them and the set of article ids in use from the files table took 0.08-0.10 s of a one-file
    run's plan at 100,000 files (7 Dec 22:25, load ~4). The set is now built only when a new file needs an id,
    and the path -> stamp dict only when the listing is not the manifest's very paths (0.14 s, 7 Dec 23:15)."""

    manifest: pa.Table  # MANIFEST_COLUMNS of the files table
    columns: tuple[list[str], list[int], list[int]] | None  # paths (sorted), sizes, mtimes: NoopManifest's
    noop: NoopManifest | None = None
    rows: dict[str, tuple[int, int, str | None, str | None, int]] = field(default_factory=dict)  # fetched
    taken: set[str] | None = None  # article ids in use, once a new file needs one

    @classmethod
    def of(cls, manifest: pa.Table, noop: NoopManifest | None = None) -> "Known":
        if noop is not None and len(noop.paths) == manifest.num_rows:
            return cls(manifest, noop.columns, noop)
        return cls(manifest, None)

    @cached_property
    def stamps(self) -> dict[str, tuple[int, int]]:
        """path -> (size_bytes, mtime_ns) of every manifest file."""
        if self.noop is not None:
            return self.noop.files
        paths = self.manifest["source_path"].to_pylist()
        stamps = zip(self.manifest["size_bytes"].to_pylist(), self.manifest["mtime_ns"].to_pylist(), strict=True)
        return dict(zip(paths, stamps, strict=True))

    def stamp(self, path: str) -> tuple[int, int] | None:
        """(size_bytes, mtime_ns) of a manifest file, else None."""
        if self.columns is None:
            return self.stamps.get(path)
        paths, sizes, mtimes = self.columns
        at = bisect_left(paths, path)
        return (sizes[at], mtimes[at]) if at < len(paths) and paths[at] == path else None

    def fetch(self, paths: Iterable[str]) -> None:
        """Read the rows of those `paths` the manifest knows, in one pass over the table."""
        wanted = [path for path in paths if path not in self.rows and self.stamp(path) is not None]
        if not wanted:
            return
        hit = pc.is_in(self.manifest["source_path"], value_set=pa.array(wanted, pa.string()))
        numbers = pc.indices_nonzero(hit)
        found = self.manifest.take(numbers).select(["source_path", "content_sha256", "article_id"]).to_pylist()
        for number, row in zip(numbers.to_pylist(), found, strict=True):
            path = row["source_path"]
            self.rows[path] = (*self.stamp(path), row["content_sha256"], row["article_id"], number)

    def row(self, path: str) -> tuple[int, int, str | None, str | None, int] | None:
        """(size, mtime, sha256, article id, row number) of a path the manifest knows, else None."""
        if self.stamp(path) is None:
            return None
        if path not in self.rows:
            self.fetch([path])
        return self.rows[path]

    def is_taken(self, article_id: str) -> bool:
        return article_id in self._taken()

    def take(self, article_id: str) -> None:
        self._taken().add(article_id)

    def _taken(self) -> set[str]:
        if self.taken is None:
            self.taken = set(self.manifest["article_id"].drop_null().to_pylist())
        return self.taken


def _retry(path: str, recheck: Recheck, reread: frozenset[str], reread_all: bool) -> bool:
    return recheck.retry(path) or reread_all or path in reread  # (wirehouse.reprocess)


def _to_read(listing: Listing, known: Known, recheck: Recheck, reread: frozenset[str], reread_all: bool):
    """The listed entries that need reading (new, changed in size or mtime, or to be read again), each with
    whether it is read again although unchanged (its known sha256 is then not trusted). The entries are
    picked at C speed (map and compress over the listing's columns), and only the picked ones looked at in
    Python: a loop over every entry took ~0.12 s of a one-file run's plan at 100,000 files (7 Dec 22:32)."""
    entries = listing.entries
    paths, sizes, mtimes = listing.columns
    if known.columns is not None and paths == known.columns[0]:  # the manifest's very files: compare columns
        changed = map(
            operator.or_, map(operator.ne, sizes, known.columns[1]), map(operator.ne, mtimes, known.columns[2])
        )
    else:
        changed = map(operator.ne, map(known.stamps.get, paths), zip(sizes, mtimes, strict=True))
    flagged = set(reread).union(recheck.reasons)  # the only paths _retry can say yes for (but reread_all)
    picked = map(operator.or_, changed, map(flagged.__contains__, paths))
    for number in range(len(entries)) if reread_all else compress(range(len(entries)), picked):
        entry = entries[number]
        retry = _retry(entry[0], recheck, reread, reread_all)
        if retry or known.stamp(entry[0]) != (entry[1], entry[2]):
            yield entry, retry  # otherwise unchanged since the manifest saw it: not even opened


def _add_listing_rejects(rows: dict[str, list], listing: Listing, known: Known, recheck: Recheck) -> None:
    """Rows for entries skipped while listing, and for manifest files gone from a folder listed whole."""
    known.fetch(item.source_path for item in listing.skipped)
    for item in listing.skipped:
        previous = known.row(item.source_path)
        if previous is not None and (previous[0], previous[1]) == (item.size_bytes, item.mtime_ns):
            continue  # rejected before, unchanged
        _append(rows, item.source_path, previous, item.size_bytes, item.mtime_ns, item.reason, item.detail)
    listed_all = known.columns is not None and len(listing.entries) == len(known.columns[0])
    if listed_all and listing.columns[0] == known.columns[0]:
        return  # every file of the manifest was listed: none is gone
    seen = set(listing.columns[0]).union(item.source_path for item in listing.skipped)
    missing = known.stamps.keys() - seen
    known.fetch(missing)
    for path in sorted(missing, key=lambda path: known.rows[path][4]):  # in manifest order
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

"""Where a warehouse keeps its files, and the one atomic step that publishes a run.

    warehouse/
      wirehouse.duckdb -> current/wirehouse.duckdb     what analysts open
      parquet          -> current/parquet              the engine-neutral copy, one folder per table
      current          -> snapshots/<run_id>           swapped with a single rename(2): the commit point
      snapshots/<run_id>/{wirehouse.duckdb, parquet/<table>/*.parquet}
      staging/<run_id>/                                 parts of a run in flight
      .lock                                             one writer at a time

A snapshot is complete before `current` points at it, so readers see the old state or the new one, never a
mix; an analyst holding the old DuckDB file keeps reading it (the file lives on until they close it). Parquet
parts that did not change are hard links into the previous snapshot, so a snapshot costs no copying.
"""

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from wirehouse.errors import WarehouseBusyError

DUCKDB_NAME = "wirehouse.duckdb"
KEEP_SNAPSHOTS = 2  # the current one and the one before, for analysts still reading it
_HELD: set[Path] = set()  # warehouses whose writer lock this process holds


@dataclass(frozen=True)
class Warehouse:
    root: Path

    @property
    def current(self) -> Path:
        return self.root / "current"

    @property
    def snapshots(self) -> Path:
        return self.root / "snapshots"

    @property
    def staging(self) -> Path:
        return self.root / "staging"

    @property
    def duckdb_path(self) -> Path:
        return self.root / DUCKDB_NAME

    @property
    def parquet_dir(self) -> Path:
        return self.root / "parquet"

    def current_snapshot(self) -> Path | None:
        """The published snapshot's folder, or None for a warehouse never written."""
        if not self.current.is_symlink():
            return None
        return self.snapshots / os.readlink(self.current).split("/")[-1]

    def staging_dir(self, run_id: str) -> Path:
        return self.staging / run_id

    def new_snapshot_dir(self, run_id: str) -> Path:
        """Where a run builds its snapshot; renamed to snapshots/<run_id> once complete."""
        return self.snapshots / f"{run_id}.building"

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """Held for a whole run: a second concurrent run fails at once with a clear message.

        Re-entrant within one process, so `wirehouse run` can take it before Prefect starts (a second run
        then fails at once, not after the server start-up) and the flow takes it again for itself.
        """
        key = self.root.resolve()
        if key in _HELD:
            yield
            return
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / ".lock").open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise WarehouseBusyError(f"another run is writing to {self.root}") from None
            _HELD.add(key)
            try:
                yield
            finally:
                _HELD.discard(key)
                fcntl.flock(handle, fcntl.LOCK_UN)

    def remove_leftovers(self) -> None:
        """Staging folders and half-built snapshots of runs that died; call under the writer lock."""
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.snapshots.is_dir():
            for path in self.snapshots.glob("*.building"):
                shutil.rmtree(path, ignore_errors=True)

    def publish(self, built: Path, run_id: str) -> Path:
        """Make a complete snapshot current: the commit point of a run."""
        final = self.snapshots / run_id
        os.rename(built, final)
        _fsync_dir(self.snapshots)
        _swap_symlink(self.current, f"snapshots/{run_id}")
        for name, target in ((DUCKDB_NAME, f"current/{DUCKDB_NAME}"), ("parquet", "current/parquet")):
            link = self.root / name
            if not link.is_symlink() or os.readlink(link) != target:
                _swap_symlink(link, target)
        _fsync_dir(self.root)
        self._drop_old_snapshots()
        return final

    def _drop_old_snapshots(self) -> None:
        current = self.current_snapshot()
        finished = sorted(p for p in self.snapshots.iterdir() if not p.name.endswith(".building"))
        for path in finished[:-KEEP_SNAPSHOTS]:
            if path != current:
                shutil.rmtree(path, ignore_errors=True)


def _swap_symlink(link: Path, target: str) -> None:
    temporary = link.with_name(f".{link.name}.new")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(target, temporary)
    os.replace(temporary, link)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

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

Leftovers and retention: each snapshot records, in `.previous`, the snapshot that was current when it was
published. Exactly two snapshots are kept, `current` and the one its `.previous` names; every other folder
under snapshots/ (older ones, half-built `*.building`, one renamed but never made current because the run was
killed between the rename and the swap) and all of staging/ are removed by the next run, a no-op run
included, and by a run that fails, before it exits.
"""

import contextlib
import errno
import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from wirehouse.errors import DiskFullError, MemoryCapError, WarehouseBusyError
from wirehouse.settings import DUCKDB_MEMORY_LIMIT, MEMORY_ENV

DUCKDB_NAME = "wirehouse.duckdb"
PREVIOUS = ".previous"  # in a snapshot: the name of the snapshot current when it was published
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

    def retained(self) -> set[Path]:
        """The snapshots kept: the current one and the one published before it (for analysts still reading)."""
        current = self.current_snapshot()
        if current is None:
            return set()
        marker = current / PREVIOUS
        if marker.is_file():
            previous = marker.read_text().strip()
            return {current, self.snapshots / previous} if previous else {current}
        older = sorted(p for p in self.snapshots.iterdir() if p.name < current.name and "." not in p.name)
        return {current, *older[-1:]}  # a snapshot from before `.previous` existed

    def remove_leftovers(self) -> None:
        """Everything a run that died can leave: staging, half-built and never-published snapshots, old ones.

        Call under the writer lock.
        """
        shutil.rmtree(self.staging, ignore_errors=True)
        for name in (".current.new", f".{DUCKDB_NAME}.new", ".parquet.new"):
            with contextlib.suppress(FileNotFoundError):
                (self.root / name).unlink()
        if self.snapshots.is_dir():
            keep = self.retained()
            for path in self.snapshots.iterdir():
                if path not in keep:
                    shutil.rmtree(path, ignore_errors=True)

    def tidy(self) -> bool:
        """remove_leftovers if no run is writing (a no-op run's clean-up); False if one is."""
        try:
            with self.writer_lock():
                self.remove_leftovers()
            return True
        except WarehouseBusyError:
            return False

    @contextmanager
    def cleanup_on_failure(self, run_id: str) -> Iterator[None]:
        """A run that fails removes its staging and half-built snapshot before the error goes on; a full disk
        becomes one DiskFullError line instead of tracebacks, and so does DuckDB running out of its memory cap."""
        try:
            yield
        except BaseException as error:
            shutil.rmtree(self.staging_dir(run_id), ignore_errors=True)
            shutil.rmtree(self.new_snapshot_dir(run_id), ignore_errors=True)
            if is_disk_full(error):
                raise DiskFullError(
                    f"disk full while writing to {self.root}: the run was undone (its staging removed) and the "
                    "published warehouse is unchanged; free some space and run again"
                ) from None
            if is_out_of_memory(error):
                raise MemoryCapError(
                    f"DuckDB needed more memory than the run's cap ({MEMORY_ENV}={DUCKDB_MEMORY_LIMIT}): the run "
                    f"was undone and the published warehouse is unchanged; run again with {MEMORY_ENV} set higher "
                    "(e.g. 2GB)"
                ) from None
            raise

    def publish(self, built: Path, run_id: str) -> Path:
        """Make a complete snapshot current: the commit point of a run."""
        final = self.snapshots / run_id
        previous = self.current_snapshot()
        (built / PREVIOUS).write_text(previous.name if previous else "")
        os.rename(built, final)
        fsync(self.snapshots)
        _swap_symlink(self.current, f"snapshots/{run_id}")
        for name, target in ((DUCKDB_NAME, f"current/{DUCKDB_NAME}"), ("parquet", "current/parquet")):
            link = self.root / name
            if not link.is_symlink() or os.readlink(link) != target:
                _swap_symlink(link, target)
        fsync(self.root)
        keep = self.retained()
        for path in self.snapshots.iterdir():
            if path not in keep and not path.name.endswith(".building"):
                shutil.rmtree(path, ignore_errors=True)
        return final


def is_disk_full(error: BaseException) -> bool:
    """ENOSPC or EDQUOT, from the OS, pyarrow or DuckDB (which raise their own types with the OS message)."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return "No space left on device" in str(error) or "Disk quota exceeded" in str(error)


def is_out_of_memory(error: BaseException) -> bool:
    """DuckDB's OutOfMemoryException: a query needed more than the cap and could not spill (its type is checked
    by name, so that this module does not import DuckDB)."""
    return type(error).__name__ == "OutOfMemoryException" or str(error).startswith("Out of Memory Error")


def _swap_symlink(link: Path, target: str) -> None:
    temporary = link.with_name(f".{link.name}.new")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(target, temporary)
    os.replace(temporary, link)


def fsync(path: Path) -> None:
    """Flush a file's or a folder's entries to disk (a folder's, so that a rename in it survives a crash)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

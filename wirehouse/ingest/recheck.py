"""Which files a run looks at again although the manifest says they did not change, and which files went away.

Rejects heal: a file rejected as `unreadable` (no permission, vanished while read) is read again as soon as it
can be opened, and one rejected as `error` (a stage raised on it) is tried again on every run, even when its
size and mtime are unchanged: `chmod` or `cp -p` restores a file without touching either. A file that went
`gone` is read again when it is back. Settings-dependent rejects (`oversize`, `symlink_outside`) wait until
the file changes.

A file of the manifest that is no longer found below a folder given to `run` is `gone`: its article keeps
its last loaded version (the warehouse is an archive) and the disappearance is recorded as a reject, the same
rule as for a file that is truncated, replaced by a binary or made unreadable.
"""

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the no-op fast path (wirehouse.store.noop) uses Recheck without importing pyarrow
    import pyarrow as pa

HEALING = frozenset({"unreadable", "error", "gone"})


@dataclass(frozen=True, slots=True)
class Recheck:
    """The manifest's last reject reason per path, for the rejects that heal."""

    reasons: dict[str, str]

    @classmethod
    def from_rejects(cls, rejects: "pa.Table") -> "Recheck":
        paths = rejects["source_path"].to_pylist()
        reasons = rejects["reason"].to_pylist()
        return cls({p: r for p, r in zip(paths, reasons, strict=True) if r in HEALING})

    def retry(self, path: str) -> bool:
        """Read this unchanged file again? Only if it was rejected for a reason that can heal, and has."""
        reason = self.reasons.get(path)
        if reason is None:
            return False
        if reason == "unreadable":
            return os.access(path, os.R_OK)
        return True  # 'error': the stage may be fixed or the failure passing; 'gone': it is back

    def already_gone(self, path: str) -> bool:
        return self.reasons.get(path) == "gone"


def under(path: str, folders: list[str]) -> bool:
    """Is path inside one of the folders (walked whole by this run)?"""
    return any(path.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders)

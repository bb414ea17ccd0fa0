"""Find input files and decide, from the manifest alone, which need reading.

Listing and `stat` are the only work done for unchanged files (about 5 µs a file), so a no-op re-run over
100,000 files costs well under a second before anything heavy starts.
"""

import glob
import os
from dataclasses import dataclass
from pathlib import Path

from wirehouse.errors import InputError

GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class FoundFile:
    source_path: str  # absolute
    root: str  # the folder it was found under (a folder given, a glob's fixed prefix, a file's parent)
    size_bytes: int
    mtime_ns: int

    @property
    def article_name(self) -> str:
        """Path below the root, without extension; computed only for files that need it."""
        return article_name(self.source_path, self.root)


@dataclass(frozen=True, slots=True)
class KnownFile:
    """What the manifest remembers of a file from earlier runs."""

    file_id: str
    size_bytes: int
    mtime_ns: int
    content_sha256: str | None
    article_id: str | None
    status: str
    first_seen_at: object


def article_name(path: str, root: str) -> str:
    """`root/business/001.txt` -> `business/001` (string slicing: os.path.relpath costs 11 µs a file)."""
    prefix = root.rstrip(os.sep) + os.sep
    relative = path[len(prefix) :] if path.startswith(prefix) else os.path.relpath(path, root)
    stem, _ = os.path.splitext(relative)
    return stem.replace(os.sep, "/") if os.sep != "/" else stem


def _walk(folder: str) -> list[tuple[str, os.stat_result]]:
    """Regular files below folder, recursively, skipping hidden files and folders (dotfiles, .git)."""
    found = []
    stack = [folder]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=True):
                    stack.append(entry.path)
                elif entry.is_file(follow_symlinks=True):
                    found.append((entry.path, entry.stat(follow_symlinks=True)))
    return found


def _glob_root(pattern: str) -> str:
    """The folder part of a glob before its first wildcard: names are taken relative to it."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if GLOB_CHARS & set(part):
            break
        fixed.append(part)
    return str(Path(*fixed)) if fixed else "."


def discover(paths: list[str]) -> list[FoundFile]:
    """Every input file under paths (folders recursively, globs, single files), sorted, each once.

    Raises InputError for a path that names nothing: a typo must not look like an empty inbox.
    """
    by_path: dict[str, FoundFile] = {}
    for raw in paths:
        if GLOB_CHARS & set(raw):
            root = os.path.abspath(_glob_root(raw))
            matches = [m for m in glob.glob(raw, recursive=True) if os.path.isfile(m)]
            if not matches:
                raise InputError(f"no files match {raw!r}")
            listed = [(os.path.abspath(m), os.stat(m)) for m in matches]
        elif os.path.isdir(raw):
            root = os.path.abspath(raw)
            listed = _walk(root)
        elif os.path.isfile(raw):
            path = os.path.abspath(raw)
            root = os.path.dirname(path)
            listed = [(path, os.stat(path))]
        else:
            raise InputError(f"no such file or folder: {raw!r}")
        for path, stat in listed:
            if path not in by_path:
                by_path[path] = FoundFile(path, root, stat.st_size, stat.st_mtime_ns)
    return [by_path[path] for path in sorted(by_path)]


def needs_reading(found: FoundFile, known: KnownFile | None) -> bool:
    """New, or size or mtime differ from the manifest; the content hash then settles it."""
    return known is None or known.size_bytes != found.size_bytes or known.mtime_ns != found.mtime_ns

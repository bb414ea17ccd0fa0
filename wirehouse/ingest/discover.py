"""Find input files and decide, from the manifest alone, which need reading.

Listing and `stat` are the only work done for unchanged files (about 5 µs a file), so a no-op re-run over
100,000 files costs well under a second before anything heavy starts.
"""

import contextlib
import errno
import glob
import os
import threading
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import NamedTuple

from wirehouse.compiled import native
from wirehouse.errors import InputError
from wirehouse.settings import LISTING_THREADS

GLOB_CHARS = frozenset("*?[")
# `_Walker.folder`'s fast path, in C (_listing.c): None when not built, then the Python loop below runs.
_LISTING = native("wirehouse.ingest._listing")


class FoundFile(NamedTuple):
    """A file found by the listing: one of `Listing.entries` (a plain tuple, in this field order) with names."""

    source_path: str  # absolute
    size_bytes: int
    mtime_ns: int
    root: str  # the folder it was found under (a folder given, a glob's fixed prefix, a file's parent)

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


@dataclass(frozen=True, slots=True)
class Skipped:
    """An entry of the inbox that is not read, with the reason it becomes a `rejects` row."""

    source_path: str  # printable: a name that is not UTF-8 has its bad bytes written as \\xNN
    root: str
    reason: str  # 'bad_name' | 'symlink_outside' | 'symlink_loop' | 'unreadable' | 'special_file'
    detail: str
    size_bytes: int = 0
    mtime_ns: int = 0


@dataclass
class Listing:
    """What listing the inputs found: files to consider, entries skipped with a reason, files that vanished.

    The files are kept as plain tuples (`entries`: source_path, size_bytes, mtime_ns, root; sorted by path)
    and named (`found`) only when a plan reads them: a no-op run lists 100,000 files and compares them with
    the manifest, and building an object per file cost more than the `stat` calls (0.3 s of ~0.6 s here).
    """

    entries: list[tuple[str, int, int, str]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    vanished: int = 0  # listed, then gone before their stat: counted and logged, nothing to reject
    folders: list[str] = field(default_factory=list)  # folders listed whole: a file missing below one is gone

    @cached_property
    def columns(self) -> tuple[list[str], list[int], list[int]]:
        """The entries' paths, sizes and mtimes as three lists, made once the listing is complete: what the
        no-op check and the plan compare with the manifest's columns at C speed."""
        paths, sizes, mtimes = (list(map(itemgetter(i), self.entries)) for i in range(3))
        return paths, sizes, mtimes

    @property
    def found(self) -> list[FoundFile]:
        return [FoundFile._make(entry) for entry in self.entries]


def printable_path(path: str) -> str:
    """The path as valid UTF-8: a name that is not UTF-8 keeps its bad bytes visible as `\\xe9`."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def _inside(target: str, real_root: str) -> bool:
    return target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)


class _Walker:
    """One folder given to `run`, listed recursively; hidden files and folders (dotfiles, .git) skipped.

    Every entry that cannot be listed, followed or named becomes a `Skipped` with its reason, so one odd entry
    never stops the listing: a symlink loop (`a -> .`), a folder without read permission, a path longer than
    the OS allows (ENAMETOOLONG), a name that is not UTF-8, a FIFO or device, a symlink leading outside the
    folder (not followed unless `follow_outside`: a link to /etc/shadow must not become an article).
    """

    def __init__(self, root: str, listing: Listing, follow_outside: bool):
        self.root = root
        self.real_root = os.path.realpath(root)
        self.listing = listing
        self.follow_outside = follow_outside
        self.seen_dirs: set[tuple[int, int]] = set()
        self.linked: list[tuple[str, tuple[int, int]]] = []  # links to folders, with the folder's (dev, inode)

    def skip(self, path: str, reason: str, detail: str, link: bool = False) -> None:
        size = mtime = 0
        with contextlib.suppress(OSError):
            stat = os.lstat(path)
            size, mtime = (0, stat.st_mtime_ns) if link or S_ISDIR(stat.st_mode) else (stat.st_size, stat.st_mtime_ns)
        self.listing.skipped.append(Skipped(printable_path(path), self.root, reason, detail, size, mtime))

    def walk(self) -> None:
        """Level by level: the folders found so far, then their subfolders; in each folder, the entries in
        the order of their names; links to folders once every real folder is listed. So a folder reached
        twice is listed under its own path (the link is the `symlink_loop`), the same on every run and by
        both listings, C and Python."""
        root_stat = os.stat(self.root)
        self.seen_dirs.add((root_stat.st_dev, root_stat.st_ino))
        found = [self.root]
        while found or self.linked:
            if not found:  # every real folder listed: now the links to folders, in the order of their paths
                linked, self.linked = sorted(self.linked), []
                for path, key in linked:
                    self.follow(path, key, found)
                continue
            folders, found = found, []
            if _LISTING is None:
                for folder in folders:
                    self.folder(folder, found)
            else:
                for folder, listed in _list_folders(folders, self.root):
                    self.folder_native(folder, listed, found)

    def folder(self, folder: str, found: list[str]) -> None:
        """One folder's entries, its subfolders added to `found`. A regular file costs one `stat` relative to
        the open folder and one tuple; every other entry (folder, symlink, FIFO, a name that is not UTF-8, an
        error) takes the checks of `entry`. This loop is the whole cost of a no-op run: `stat` by the
        folder's descriptor skips resolving the full path again per file, `os.listdir` builds no DirEntry
        objects (together about half of the Python time here). tests/test_hardening_listing.py holds it to
        the hostile inboxes' results; `folder_native` is its fast path in C.
        """
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as error:
            self.skip(folder, *_os_reason(error, "folder"))
            return
        try:
            self.entries_of(folder, fd, found)
        finally:
            os.close(fd)

    def entries_of(self, folder: str, fd: int, found: list[str]) -> None:
        try:
            names = sorted(os.listdir(fd))
        except OSError as error:
            self.skip(folder, *_os_reason(error, "folder"))
            return
        prefix = folder.rstrip(os.sep) + os.sep
        append, root, stat = self.listing.entries.append, self.root, os.stat
        for name in names:
            if name.startswith("."):
                continue
            path = prefix + name
            try:
                status = stat(name, dir_fd=fd, follow_symlinks=False)
            except FileNotFoundError:
                self.listing.vanished += 1  # gone since the folder was listed
                continue
            except OSError:
                status = None  # `entry` names the reason
            if status is not None and S_ISREG(status.st_mode) and (path.isascii() or _bad_name(path) is None):
                append((path, status.st_size, status.st_mtime_ns, root))
            else:
                self.entry(_PathEntry(path), found)

    def folder_native(self, folder: str, listed: "Listed | OSError", found: list[str]) -> None:
        """What `folder` does, with the folder listed by `_list_folders` in C: the same entries (each
        folder's sorted by path, which leaves the final sort little to do). Every entry that is not a regular
        file named in UTF-8 comes back as a path and takes the checks of `entry`, in Python."""
        if isinstance(listed, OSError):
            self.skip(folder, *_os_reason(listed, "folder"))
            return
        entries, others, vanished = listed
        self.listing.entries.extend(entries)
        self.listing.vanished += vanished
        for path in others:
            self.entry(_PathEntry(path), found)

    def follow(self, path: str, key: tuple[int, int], found: list[str]) -> None:
        """A folder to list, unless it was listed already (reached again through a link)."""
        if key in self.seen_dirs:
            where = printable_path(os.path.realpath(path))
            self.skip(path, "symlink_loop", f"links to {where}, a folder already listed", link=True)
        else:
            self.seen_dirs.add(key)
            found.append(path)

    def entry(self, entry: "os.DirEntry | _PathEntry", found: list[str]) -> None:
        path = entry.path
        try:
            is_link = entry.is_symlink()
            if is_link and not self.follow_outside:
                target = os.path.realpath(path)
                if not _inside(target, self.real_root):
                    where = printable_path(target)
                    self.skip(path, "symlink_outside", f"links to {where}, outside {self.root}", link=True)
                    return
            stat = entry.stat(follow_symlinks=True)
        except FileNotFoundError:
            self.listing.vanished += 1  # gone since the folder was listed, or a dangling symlink
            return
        except OSError as error:
            self.skip(path, *_os_reason(error, "entry"), link=True)
            return
        if S_ISDIR(stat.st_mode) and is_link:
            self.linked.append((path, (stat.st_dev, stat.st_ino)))  # followed once the real folders are listed
        elif S_ISDIR(stat.st_mode):
            self.follow(path, (stat.st_dev, stat.st_ino), found)
        elif not S_ISREG(stat.st_mode):
            self.skip(path, "special_file", "not a regular file (a FIFO, socket or device is never read)")
        elif (bad := _bad_name(path)) is not None:
            self.skip(path, "bad_name", bad)
        else:
            self.listing.entries.append((path, stat.st_size, stat.st_mtime_ns, self.root))


Listed = tuple[list[tuple[str, int, int, str]], list[str], int]  # what _listing.regular_files returns


def _list_one(folder: str, root: str) -> "Listed | OSError":
    try:
        return _LISTING.regular_files(folder.rstrip(os.sep) + os.sep, root)
    except OSError as error:
        return error


def _list_folders(folders: list[str], root: str) -> list[tuple[str, "Listed | OSError"]]:
    """Each folder listed by the C fast path, by LISTING_THREADS threads at once (the system calls run
    without the GIL), in the order given."""
    threads = min(LISTING_THREADS, len(folders))
    listed: list[Listed | OSError | None] = [None] * len(folders)

    failed: list[BaseException] = []

    def share(first: int) -> None:
        try:
            for index in range(first, len(folders), threads):
                listed[index] = _list_one(folders[index], root)
        except BaseException as error:  # MemoryError and the like: raised again by the calling thread
            failed.append(error)

    helpers = [threading.Thread(target=share, args=(first,)) for first in range(1, threads)]
    for helper in helpers:
        helper.start()
    share(0)
    for helper in helpers:
        helper.join()
    if failed:
        raise failed[0]
    return list(zip(folders, listed, strict=True))


def _bad_name(path: str) -> str | None:
    """Why this path cannot name an article, or None: ids and tables hold UTF-8 text only."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return f"file name is not UTF-8 ({os.fsencode(os.path.basename(path))!r}): rename it to load it"
    return None


def _os_reason(error: OSError, what: str) -> tuple[str, str]:
    """The reject reason and detail for an OSError met while listing."""
    message = f"{type(error).__name__}: {error.strerror or error}"
    if error.errno == errno.ELOOP:
        return "symlink_loop", f"symbolic link loop ({message})"
    if error.errno == errno.ENAMETOOLONG:
        return "bad_name", f"path longer than the OS allows ({message})"
    return "unreadable", f"{what} cannot be listed or read ({message})"


def _glob_root(pattern: str) -> str:
    """The folder part of a glob before its first wildcard: names are taken relative to it."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if GLOB_CHARS & set(part):
            break
        fixed.append(part)
    return str(Path(*fixed)) if fixed else "."


def list_inputs(paths: list[str], follow_outside: bool = False) -> Listing:
    """Every input under paths (folders recursively, globs, single files), sorted, each once; and every entry
    that was skipped, with its reason.

    Raises InputError for a path that names nothing: a typo must not look like an empty inbox. A file named
    on the command line is read even if it is a symlink: the user chose it.
    """
    listing = Listing()
    for raw in paths:
        if GLOB_CHARS & set(raw):
            root = os.path.abspath(_glob_root(raw))
            matches = glob.glob(raw, recursive=True)
            if not any(os.path.isfile(m) for m in matches):
                raise InputError(f"no files match {raw!r}")
            walker = _Walker(root, listing, follow_outside)
            for match in matches:
                with contextlib.suppress(FileNotFoundError):
                    if not os.path.isdir(match):
                        walker.entry(_PathEntry(os.path.abspath(match)), [])
        elif os.path.isdir(raw):
            listing.folders.append(os.path.abspath(raw))
            _Walker(os.path.abspath(raw), listing, follow_outside).walk()
        elif os.path.isfile(raw):
            path = os.path.abspath(raw)
            _Walker(os.path.dirname(path), listing, follow_outside=True).entry(_PathEntry(path), [])
        else:
            raise InputError(f"no such file or folder: {printable_path(raw)!r}")
    if len(paths) == 1 and not GLOB_CHARS & set(paths[0]):
        listing.entries.sort()  # one folder (or file) lists each path once: sorted by path, the first field
    else:  # folders, files and globs may overlap: each path once, the first finding of it kept
        by_path = {entry[0]: entry for entry in reversed(listing.entries)}
        listing.entries = [by_path[path] for path in sorted(by_path)]
    skipped = {item.source_path: item for item in reversed(listing.skipped)}
    listed = {entry[0] for entry in listing.entries} if skipped else set()
    listing.skipped = [skipped[path] for path in sorted(skipped) if path not in listed]
    return listing


def discover(paths: list[str], follow_outside: bool = False) -> list[FoundFile]:
    """The files of list_inputs, without the skipped entries."""
    return list_inputs(paths, follow_outside).found


class _PathEntry:
    """The part of os.DirEntry that _Walker.entry uses, for a path from a glob or the command line."""

    def __init__(self, path: str):
        self.path = path
        self.name = os.path.basename(path)

    def is_symlink(self) -> bool:
        return os.path.islink(self.path)

    def stat(self, follow_symlinks: bool = True) -> os.stat_result:
        return os.stat(self.path, follow_symlinks=follow_symlinks)


def needs_reading(found: FoundFile, known: KnownFile | None) -> bool:
    """New, or size or mtime differ from the manifest; the content hash then settles it."""
    return known is None or known.size_bytes != found.size_bytes or known.mtime_ns != found.mtime_ns

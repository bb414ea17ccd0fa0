"""The inbox listing's C fast path (wirehouse/ingest/_listing.c) finds exactly what its Python loop finds.

`_Walker.folder` is the rule, in Python; `_LISTING.regular_files` lists a folder's regular files in C at
`find`'s cost (the no-op row of README's Speed table). Both run here over the same inboxes, hostile entries
included, and must give the same entries, skipped entries and vanished count.
"""

import os
from pathlib import Path

import pytest

from wirehouse import compiled
from wirehouse.ingest import discover
from wirehouse.ingest.discover import list_inputs

ARTICLE = 'Budget row deepens\n\nThe chancellor said the plan would work. "We will win," he said.\n'


def both_ways(monkeypatch, paths: list[str]) -> tuple[discover.Listing, discover.Listing]:
    native = list_inputs(paths)
    with monkeypatch.context() as patch:
        patch.setattr(discover, "_LISTING", None)
        python = list_inputs(paths)
    return native, python


def inbox_of_odd_names(root: Path) -> Path:
    """Names whose byte order and code point order must agree, nested folders, hidden entries, every kind of
    entry the walker skips, and enough files per folder that readdir's order is not the sorted one."""
    inbox = root / "inbox"
    for folder in ["", "a", "a/b", "a-b", "a0", "é", "deep/er/est"]:
        (inbox / folder).mkdir(parents=True, exist_ok=True)
        for name in ["a.txt", "a0.txt", "b c.txt", "ß.txt", "z", "É.txt", "a-b.txt", "日本.txt", "emoji-😀.txt"]:
            (inbox / folder / name).write_text(ARTICLE)
    for number in range(1_500):
        (inbox / "many" / f"{number % 37:02d}").mkdir(parents=True, exist_ok=True)
        (inbox / "many" / f"{number % 37:02d}" / f"{number:05d}.txt").write_bytes(b"x" * (number % 7))
    (inbox / ".hidden.txt").write_text(ARTICLE)
    (inbox / ".git").mkdir()
    (inbox / ".git" / "config").write_text("not an article")
    (inbox / "empty.txt").write_bytes(b"")
    with open(os.fsencode(str(inbox)) + b"/caf\xe9.txt", "wb") as handle:  # Latin-1: not UTF-8
        handle.write(ARTICLE.encode())
    (inbox / "loop").symlink_to(inbox)
    (inbox / "self").symlink_to(inbox / "self")
    (inbox / "shadow.txt").symlink_to("/etc/passwd")
    (inbox / "inside.txt").symlink_to(inbox / "a.txt")
    (inbox / "dangling.txt").symlink_to(inbox / "nothing-here")
    os.mkfifo(inbox / "pipe.txt")
    return inbox


def test_the_c_listing_is_built_and_used():
    assert discover._LISTING is not None, "make builds wirehouse/ingest/_listing.c with the compiled stages"
    assert discover._LISTING.__file__.endswith(".so")


def test_c_and_python_listings_agree_entry_for_entry(tmp_path, monkeypatch):
    inbox = inbox_of_odd_names(tmp_path)
    native, python = both_ways(monkeypatch, [str(inbox)])
    assert len(native.entries) == 7 * 9 + 1_500 + 2  # + empty.txt and inside.txt (a link inside, followed)
    assert native.entries == python.entries
    assert native.entries == sorted(native.entries)
    assert native.skipped == python.skipped
    assert {Path(s.source_path).name: s.reason for s in native.skipped} == {
        "caf\\xe9.txt": "bad_name",
        "loop": "symlink_loop",
        "self": "symlink_loop",
        "shadow.txt": "symlink_outside",
        "pipe.txt": "special_file",
    }
    assert native.vanished == python.vanished == 1
    assert native.folders == python.folders


def test_c_and_python_listings_agree_on_globs_files_and_overlaps(tmp_path, monkeypatch):
    inbox = inbox_of_odd_names(tmp_path)
    paths = [str(inbox / "a"), str(inbox / "é" / "*.txt"), str(inbox / "a" / "b" / "a.txt"), str(inbox / "many")]
    native, python = both_ways(monkeypatch, paths)
    assert native.entries == python.entries and native.skipped == python.skipped
    assert len(native.entries) == 2 * 9 + 8 + 1_500  # a/ and a/b/ whole, é/*.txt (not "z"), many/


def test_sizes_and_nanosecond_mtimes_are_the_files(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_bytes(b"12345")
    os.utime(inbox / "one.txt", ns=(1_700_000_000_123_456_789, 1_700_000_000_987_654_321))
    assert list_inputs([str(inbox)]).entries == [(str(inbox / "one.txt"), 5, 1_700_000_000_987_654_321, str(inbox))]


def test_the_c_path_is_not_used_when_its_build_does_not_match_its_source(monkeypatch):
    module = "wirehouse.ingest._listing"
    assert compiled.native(module) is not None
    monkeypatch.setattr(compiled, "native_sources_now", lambda: {module: "0" * 64})
    assert compiled.native(module) is None
    monkeypatch.undo()
    monkeypatch.setenv(compiled.PURE_ENV, "1")
    assert compiled.native(module) is None


def test_a_path_that_is_not_a_folder_is_an_os_error(tmp_path):
    """What `folder_native` turns into an `unreadable` reject, as the Python loop does for os.open's error."""
    (tmp_path / "file.txt").write_text(ARTICLE)
    with pytest.raises(NotADirectoryError) as raised:
        discover._LISTING.regular_files(f"{tmp_path}/file.txt/", str(tmp_path))
    assert raised.value.strerror == "Not a directory"
    with pytest.raises(FileNotFoundError):
        discover._LISTING.regular_files(f"{tmp_path}/missing/", str(tmp_path))


def test_a_folder_reached_twice_is_listed_under_the_same_path_both_ways(tmp_path, monkeypatch):
    """`inbox/a` links to `inbox/x`, `inbox/p/q/r` to `inbox/s`: the files are listed under the real folders,
    and the links are the loops, whatever order the file system returns names in, C or Python."""
    inbox = tmp_path / "inbox"
    for folder in ["x", "p/q", "s"]:
        (inbox / folder).mkdir(parents=True)
    (inbox / "x" / "one.txt").write_text(ARTICLE)
    (inbox / "s" / "two.txt").write_text(ARTICLE)
    (inbox / "a").symlink_to(inbox / "x")
    (inbox / "p" / "q" / "r").symlink_to(inbox / "s")
    native, python = both_ways(monkeypatch, [str(inbox)])
    assert native.entries == python.entries and native.skipped == python.skipped
    assert [discover.article_name(entry[0], str(inbox)) for entry in native.entries] == ["s/two", "x/one"]
    assert [(Path(s.source_path).name, s.reason) for s in native.skipped] == [
        ("a", "symlink_loop"),
        ("r", "symlink_loop"),
    ]

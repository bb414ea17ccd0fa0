"""Discovery: folders recurse, globs name files relative to their fixed prefix, typos fail loudly."""

import os
import stat

import pytest

from wirehouse.errors import InputError
from wirehouse.ingest.discover import discover, list_inputs


@pytest.fixture()
def inbox(tmp_path):
    (tmp_path / "business").mkdir()
    (tmp_path / "business" / "001.txt").write_text("Title\n\nBody.")
    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / "001.txt").write_text("Title\n\nBody.")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("skip me")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    return tmp_path


def test_folder_recurses_and_skips_hidden(inbox):
    found = discover([str(inbox)])
    assert [f.article_name for f in found] == ["business/001", "sport/001"]
    assert all(os.path.isabs(f.source_path) for f in found)
    assert found[0].size_bytes == len("Title\n\nBody.")


def test_glob_names_are_relative_to_its_fixed_prefix(inbox):
    found = discover([str(inbox / "*" / "*.txt")])
    assert [f.article_name for f in found] == ["business/001", "sport/001"]


def test_same_file_twice_is_listed_once(inbox):
    one = str(inbox / "sport" / "001.txt")
    assert len(discover([one, one, str(inbox / "sport")])) == 1


def test_missing_path_and_empty_glob_are_errors(inbox):
    with pytest.raises(InputError, match="no such file or folder"):
        discover([str(inbox / "nope")])
    with pytest.raises(InputError, match="no files match"):
        discover([str(inbox / "*.csv")])


def plain_listing(root: str) -> list[tuple[str, int, int]]:
    """The reference the fast folder loop is held to: os.walk, hidden entries skipped, symlinks to folders not
    entered, every regular file (a symlink to one inside the folder included) with os.stat's size and mtime."""
    files = []
    for folder, folders, names in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            path = os.path.join(folder, name)
            status = os.stat(path)
            if not name.startswith(".") and stat.S_ISREG(status.st_mode):
                files.append((path, status.st_size, status.st_mtime_ns))
    return sorted(files)


def test_the_listing_is_the_plain_walk_of_the_folder(inbox):
    (inbox / "business" / "deeper" / "still").mkdir(parents=True)
    for n in range(30):
        (inbox / "business" / "deeper" / "still" / f"{n:03}.txt").write_text("x" * n)
    (inbox / "business" / "deeper" / "002.txt").write_text("Title\n\nA longer body.")
    (inbox / "sport" / "link.txt").symlink_to(inbox / "business" / "001.txt")  # inside: listed as itself
    (inbox / "sport" / "folder-link").symlink_to(inbox / "business")  # a folder already listed: skipped
    os.mkfifo(inbox / "sport" / "pipe.txt")  # never read
    os.utime(inbox / "sport" / "001.txt", ns=(1, 123_456_789_012))
    listing = list_inputs([str(inbox)])
    assert [entry[:3] for entry in listing.entries] == plain_listing(str(inbox))
    assert [f.source_path for f in listing.found] == [entry[0] for entry in listing.entries]
    assert {(s.source_path.rsplit("/", 1)[1], s.reason) for s in listing.skipped} == {
        ("pipe.txt", "special_file"),
        ("folder-link", "symlink_loop"),
    }

"""Listing the inbox survives whatever is in it: every odd entry becomes a reject with a reason."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import query
from tests.hardening_support import WITHOUT_ROOT_OVERRIDE, pure_run
from wirehouse.ids import file_id
from wirehouse.ingest.discover import list_inputs
from wirehouse.paths import PROJECT_ROOT

ARTICLE = 'Budget row deepens\n\nThe chancellor said the plan would work. "We will win," he said.\n'


def write(path: Path, text: str = ARTICLE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.fixture()
def hostile(tmp_path):
    """An inbox with one good article and one of each entry that used to stop a run."""
    inbox = tmp_path / "inbox"
    write(inbox / "good.txt")
    bad_name = os.fsencode(str(inbox)) + b"/caf\xe9.txt"  # a Latin-1 name: not UTF-8
    with open(bad_name, "wb") as handle:
        handle.write(ARTICLE.encode())
    (inbox / "loop").symlink_to(inbox)  # a directory symlink loop
    (inbox / "self").symlink_to(inbox / "self")  # ELOOP on stat
    (inbox / "shadow.txt").symlink_to("/etc/passwd")  # a file outside the inbox
    outside = write(tmp_path / "elsewhere" / "story.txt")
    (inbox / "linked").symlink_to(outside.parent)  # a folder outside the inbox
    (inbox / "dangling.txt").symlink_to(inbox / "nothing-here")  # inside, but leads nowhere
    os.mkfifo(inbox / "pipe.txt")  # reading it would block the run forever
    return inbox


def test_every_hostile_entry_is_skipped_with_its_reason(hostile):
    listing = list_inputs([str(hostile)])
    assert [f.article_name for f in listing.found] == ["good"]
    reasons = {Path(s.source_path).name: (s.reason, s.detail) for s in listing.skipped}
    assert reasons["caf\\xe9.txt"] == ("bad_name", "file name is not UTF-8 (b'caf\\xe9.txt'): rename it to load it")
    assert reasons["loop"] == ("symlink_loop", f"links to {hostile}, a folder already listed")
    assert reasons["self"][0] == "symlink_loop" and "Too many levels of symbolic links" in reasons["self"][1]
    assert reasons["shadow.txt"] == ("symlink_outside", f"links to /etc/passwd, outside {hostile}")
    assert reasons["linked"][0] == "symlink_outside"
    assert reasons["pipe.txt"][0] == "special_file"
    assert set(reasons) == {"caf\\xe9.txt", "loop", "self", "shadow.txt", "linked", "pipe.txt"}
    assert listing.vanished == 1  # the dangling link: counted, nothing to reject


def test_links_outside_are_followed_only_when_allowed(hostile):
    found = list_inputs([str(hostile)], follow_outside=True).found
    assert sorted(f.article_name for f in found) == ["good", "linked/story", "shadow"]


def test_a_name_that_is_not_utf8_hashes_as_its_bytes():
    name = os.fsdecode(b"/inbox/caf\xe9.txt")
    assert file_id(name) == file_id(name) != file_id("/inbox/café.txt")


def test_a_run_over_the_hostile_inbox_loads_the_good_file_and_records_the_rest(hostile, tmp_path):
    warehouse = tmp_path / "wh"
    counts = pure_run([str(hostile)], warehouse)
    assert counts["articles"] == 1
    assert query(warehouse, "SELECT article_id FROM articles") == [("good",)]
    rejects = query(warehouse, "SELECT regexp_extract(source_path, '[^/]+$'), reason FROM rejects ORDER BY 1")
    assert rejects == [
        ("caf\\xe9.txt", "bad_name"),
        ("linked", "symlink_outside"),
        ("loop", "symlink_loop"),
        ("pipe.txt", "special_file"),
        ("self", "symlink_loop"),
        ("shadow.txt", "symlink_outside"),
    ]
    assert query(warehouse, "SELECT count(*) FROM raw_articles WHERE raw_text LIKE '%root:%'") == [(0,)]
    assert pure_run([str(hostile)], warehouse) is None  # the rejects are stable: the next run is a no-op


def test_a_path_longer_than_the_os_allows(tmp_path):
    inbox = tmp_path / "inbox"
    write(inbox / "good.txt")
    fd = os.open(inbox, os.O_RDONLY)
    depth = 0
    try:
        while depth * 201 < 4200:  # nested folders created relative to a descriptor: the path passes PATH_MAX
            name = "d" * 200
            os.mkdir(name, dir_fd=fd)
            child = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd, depth = child, depth + 1
        os.close(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd))
    finally:
        os.close(fd)
    listing = list_inputs([str(inbox)])
    assert [f.article_name for f in listing.found] == ["good"]
    assert [(s.reason, "File name too long" in s.detail) for s in listing.skipped] == [("bad_name", True)]


LIST = """
import json, os, sys
from wirehouse.ingest.discover import list_inputs
listing = list_inputs([sys.argv[1]])
print(json.dumps({"found": [f.article_name for f in listing.found],
                  "skipped": [[os.path.basename(s.source_path), s.reason, s.detail] for s in listing.skipped]}))
"""


def test_an_unreadable_folder_is_a_reject_not_a_traceback(tmp_path):
    inbox = tmp_path / "inbox"
    write(inbox / "good.txt")
    write(inbox / "locked" / "secret.txt")
    (inbox / "locked").chmod(0)
    try:
        out = subprocess.run(
            [*WITHOUT_ROOT_OVERRIDE, sys.executable, "-c", LIST, str(inbox)],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        (inbox / "locked").chmod(0o755)
    assert json.loads(out) == {
        "found": ["good"],
        "skipped": [["locked", "unreadable", "folder cannot be listed or read (PermissionError: Permission denied)"]],
    }

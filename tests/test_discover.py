"""Discovery: folders recurse, globs name files relative to their fixed prefix, typos fail loudly."""

import os

import pytest

from wirehouse.errors import InputError
from wirehouse.ingest.discover import discover


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

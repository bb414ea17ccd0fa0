"""One rule for every way a file stops being an article, rejects that heal, and stage errors isolated per file.

The rule: an article keeps its last loaded version until its file yields a new one; what happened to the
file is recorded as a `rejects` row (reason `gone`, `empty`, `binary`, `unreadable`, `error`, ...) and the
file's manifest row says `rejected` while still naming the article. Restoring the file (even with `cp -p`,
same size and mtime) loads it again.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import wirehouse.batch
from tests.conftest import query, seed_text
from tests.hardening_support import WITHOUT_ROOT_OVERRIDE, pure_run
from tests.test_transform import NOW, to_read
from wirehouse.batch import transform
from wirehouse.paths import PROJECT_ROOT

ARTICLE_TABLES = ("articles", "paragraphs", "sentences", "quotes", "raw_articles")


def snapshot_rows(warehouse: Path) -> dict[str, list]:
    columns = {"articles": "* EXCLUDE (run_id)"}  # the run that loaded an article changes when it is reloaded
    return {t: sorted(query(warehouse, f"SELECT {columns.get(t, '*')} FROM {t}"), key=repr) for t in ARTICLE_TABLES}


def rejects(warehouse: Path) -> list[tuple]:
    return query(warehouse, "SELECT regexp_extract(source_path, '[^/]+$'), reason FROM rejects ORDER BY 1")


def manifest(warehouse: Path, name: str) -> tuple:
    return query(warehouse, "SELECT status, article_id FROM files WHERE source_path LIKE ?", [f"%/{name}"])[0]


def run_as_plain_user(inbox: Path, warehouse: Path) -> None:
    """pure_run in a process that file permissions apply to, even when the tests run as root."""
    code = "import sys; from tests.hardening_support import pure_run; pure_run([sys.argv[1]], sys.argv[2])"
    subprocess.run(
        [*WITHOUT_ROOT_OVERRIDE, sys.executable, "-c", code, str(inbox), str(warehouse)], check=True, cwd=PROJECT_ROOT
    )


def break_file(path: Path, how: str) -> None:
    if how == "deleted":
        path.unlink()
    elif how == "emptied":
        path.write_bytes(b"")
    elif how == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    elif how == "unreadable":  # a new version arrives without read permission
        path.write_text(path.read_text() + "\nUpdated.\n")
        path.chmod(0)


EXPECTED = {"deleted": "gone", "emptied": "empty", "binary": "binary", "unreadable": "unreadable"}


@pytest.mark.parametrize("how", list(EXPECTED))
def test_an_article_keeps_its_last_loaded_version_and_the_reject_is_recorded(inbox, tmp_path, how):
    warehouse = tmp_path / "wh"
    victim = inbox / "001_468d0ff313ca5494.txt"
    saved = tmp_path / "saved.txt"
    shutil.copy2(victim, saved)
    pure_run([str(inbox)], warehouse)
    before = snapshot_rows(warehouse)

    break_file(victim, how)
    run_as_plain_user(inbox, warehouse) if how == "unreadable" else pure_run([str(inbox)], warehouse)
    assert snapshot_rows(warehouse) == before  # every row of the article is still there
    assert rejects(warehouse) == [("001_468d0ff313ca5494.txt", EXPECTED[how])]
    assert manifest(warehouse, victim.name) == ("rejected", "001_468d0ff313ca5494")
    assert pure_run([str(inbox)], warehouse) is None or how == "unreadable"  # recorded once, then a no-op

    victim.unlink(missing_ok=True)
    shutil.copy2(saved, victim)  # restored as it was: same size, same mtime
    pure_run([str(inbox)], warehouse)
    assert snapshot_rows(warehouse) == before
    assert rejects(warehouse) == []
    assert manifest(warehouse, victim.name) == ("loaded", "001_468d0ff313ca5494")


def test_an_unreadable_file_heals_when_its_permissions_are_fixed(inbox, tmp_path):
    warehouse = tmp_path / "wh"
    late = inbox / "002.txt"
    late.write_text(seed_text("000_f586c72162ac7c3d").replace("Putin", "Medvedev"))
    late.chmod(0)
    run_as_plain_user(inbox, warehouse)
    assert rejects(warehouse) == [("002.txt", "unreadable")]
    run_as_plain_user(inbox, warehouse)  # still unreadable: looked at, nothing changes
    assert rejects(warehouse) == [("002.txt", "unreadable")]
    late.chmod(0o644)  # neither size nor mtime change
    run_as_plain_user(inbox, warehouse)
    assert rejects(warehouse) == []
    assert query(warehouse, "SELECT count(*) FROM articles WHERE article_id = '002'") == [(1,)]


def raise_on(marker: str):
    """segment_sentences that raises, like a bug would, when a batch holds an article containing marker."""
    real = wirehouse.batch.segment_sentences

    def segment(articles, paragraphs):
        if articles["body"].astype(str).str.contains(marker, regex=False).any():
            raise ValueError(f"cannot segment {marker}")
        return real(articles, paragraphs)

    return segment


def test_a_stage_that_raises_on_one_file_rejects_only_that_file(inbox, monkeypatch):
    (inbox / "bad.txt").write_text("Odd story\n\nThis one holds TRIGGER-WORD in its body.\n")
    clean = transform(to_read([str(inbox / "0*.txt")]), "run-1", NOW)
    monkeypatch.setattr(wirehouse.batch, "segment_sentences", raise_on("TRIGGER-WORD"))
    tables = transform(to_read([str(inbox)]), "run-1", NOW)

    assert tables.rejects["reason"].tolist() == ["error"]
    detail = tables.rejects["detail"].iloc[0]
    assert detail.startswith("ValueError: cannot segment TRIGGER-WORD (at ")
    assert detail.endswith("in segment)")
    assert tables.files.set_index("source_path")["status"].to_dict() == {
        str(inbox / "000_f586c72162ac7c3d.txt"): "loaded",
        str(inbox / "001_468d0ff313ca5494.txt"): "loaded",
        str(inbox / "bad.txt"): "rejected",
    }
    for table in ("articles", "paragraphs", "sentences", "quotes", "raw_articles"):
        got, want = getattr(tables, table), getattr(clean, table)
        assert got.reset_index(drop=True).equals(want.reset_index(drop=True)), table


def test_an_error_reject_is_tried_again_and_loads_once_the_stage_is_fixed(inbox, tmp_path, monkeypatch):
    warehouse = tmp_path / "wh"
    (inbox / "bad.txt").write_text("Odd story\n\nThis one holds TRIGGER-WORD in its body.\n")
    monkeypatch.setattr(wirehouse.batch, "segment_sentences", raise_on("TRIGGER-WORD"))
    assert pure_run([str(inbox)], warehouse)["articles"] == 2
    assert rejects(warehouse) == [("bad.txt", "error")]
    assert pure_run([str(inbox)], warehouse)["rejects"] == 1  # unchanged, yet tried again
    monkeypatch.undo()
    assert pure_run([str(inbox)], warehouse)["articles"] == 1
    assert rejects(warehouse) == []
    assert query(warehouse, "SELECT count(*) FROM articles") == [(3,)]

"""The `wirehouse` command as a user types it: run prints a summary with rejects, sql prints what it finds."""

import json
import shutil

from wirehouse.cli import main
from wirehouse.paths import SEEDS_DIR


def test_run_reports_rejects_and_exits_0(prefect_harness, tmp_path, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, inbox / path.name)
    (inbox / "empty.txt").write_bytes(b"")
    warehouse = tmp_path / "wh"

    assert main(["run", str(inbox), "--warehouse", str(warehouse), "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("committed: 2 articles, ")
    assert ", 1 rejects (3 files found, 3 new or changed, 0 articles replaced)" in out

    assert main(["run", str(inbox), "--warehouse", str(warehouse), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["status"], summary["n_found"], summary["n_articles"]) == ("nothing to do", 3, 0)


def test_run_on_a_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert main(["run", str(tmp_path / "typo"), "--warehouse", str(tmp_path / "wh")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_sql_formats(seed_warehouse, capsys):
    query = "SELECT article_id, title FROM articles ORDER BY article_id"
    assert main(["sql", query, "--warehouse", str(seed_warehouse), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "article_id,title",
        "000_f586c72162ac7c3d,",
        "001_468d0ff313ca5494,Trump congratulates Putin on election win",
    ]
    assert main(["sql", query, "--warehouse", str(seed_warehouse), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[1] == {"article_id": "001_468d0ff313ca5494", "title": "Trump congratulates Putin on election win"}
    assert main(["sql", "SELECT count(*) AS n FROM sentences", "--warehouse", str(seed_warehouse)]) == 0
    assert capsys.readouterr().out.splitlines() == [" n", "--", "39", "(1 row)"]


def test_sql_is_read_only_and_errors_are_messages(seed_warehouse, tmp_path, capsys):
    assert main(["sql", "DELETE FROM articles", "--warehouse", str(seed_warehouse)]) == 1
    assert "read-only" in capsys.readouterr().err.lower()
    assert main(["sql", "SELECT 1", "--warehouse", str(tmp_path / "none")]) == 2
    assert "run `wirehouse run` first" in capsys.readouterr().err


def test_output_cut_short_by_its_reader_ends_quietly(seed_warehouse):
    """`wirehouse sql ... | head -1`: the reader closes the pipe early; no traceback, the shell's status 141."""
    import subprocess
    import sys

    query = "SELECT s.text FROM sentences AS s, range(2000)"  # ~78,000 lines: more than a pipe buffer holds
    command = [sys.executable, "-m", "wirehouse", "sql", query, "--warehouse", str(seed_warehouse), "--format", "csv"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline() == b"text\n"
    process.stdout.close()
    assert process.wait(timeout=60) == 141
    assert process.stderr.read() == b""


def test_search_limit_must_be_a_number_of_hits(seed_warehouse, capsys):
    import pytest

    for limit in ("0", "-3", "ten"):
        with pytest.raises(SystemExit) as stopped:
            main(["search", "Putin", "--limit", limit, "--warehouse", str(seed_warehouse)])
        assert stopped.value.code == 2
        assert f"argument --limit: '{limit}' is not a number of hits (1 or more)" in capsys.readouterr().err
    assert main(["search", "Putin", "--limit", "1", "--warehouse", str(seed_warehouse)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("(1 article)")

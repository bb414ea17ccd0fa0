"""`wirehouse sql` prints values as SQL has them, in all three formats, and a user mistake is one line."""

import json
from pathlib import Path

import pytest

from tests.builder import build
from wirehouse.cli import main
from wirehouse.paths import SEEDS_DIR

TYPED = """
SELECT * FROM (VALUES
    (1, 2573, NULL::INTEGER, 0.5::DOUBLE, DATE '2026-02-26', TIMESTAMP '2026-02-26 10:00:00', 'a', true),
    (2, NULL, 7, NULL, NULL, NULL, NULL, NULL)
) AS t(n, big, maybe, ratio, day, stamp, word, flag) ORDER BY n
"""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("wh") / "warehouse"
    assert build([str(SEEDS_DIR / "*.txt")], root)[0]
    return root


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_table_keeps_nulls_integers_and_dates(warehouse, capsys):
    code, out, err = run(capsys, "sql", TYPED, "--warehouse", str(warehouse))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "n   big  maybe  ratio  day         stamp                word  flag",
        "-  ----  -----  -----  ----------  -------------------  ----  ----",
        "1  2573   NULL    0.5  2026-02-26  2026-02-26 10:00:00  a     true",
        "2  NULL      7   NULL  NULL        NULL                 NULL  NULL",
        "(2 rows)",
    ]


def test_csv_and_json_keep_types_and_nulls(warehouse, capsys):
    code, out, _ = run(capsys, "sql", TYPED, "--warehouse", str(warehouse), "--format", "csv")
    assert code == 0
    assert out.splitlines() == [
        "n,big,maybe,ratio,day,stamp,word,flag",
        "1,2573,,0.5,2026-02-26,2026-02-26 10:00:00,a,true",
        "2,,7,,,,,",
    ]
    code, out, _ = run(capsys, "sql", TYPED, "--warehouse", str(warehouse), "--format", "json")
    assert code == 0
    assert json.loads(out) == [
        {"n": 1, "big": 2573, "maybe": None, "ratio": 0.5, "day": "2026-02-26", "stamp": "2026-02-26 10:00:00",
         "word": "a", "flag": True},
        {"n": 2, "big": None, "maybe": 7, "ratio": None, "day": None, "stamp": None, "word": None, "flag": None},
    ]  # fmt: skip
    assert '"maybe": null' in out and '"big": 2573,' in out


def test_warehouse_columns_print_as_stored(warehouse, capsys):
    query = "SELECT article_id, title, published_date, n_quotes FROM articles ORDER BY article_id"
    code, out, _ = run(capsys, "sql", query, "--warehouse", str(warehouse))
    lines = out.splitlines()
    assert code == 0 and lines[-1] == "(2 rows)"
    assert lines[0].split() == ["article_id", "title", "published_date", "n_quotes"]
    assert lines[2].split() == ["000_f586c72162ac7c3d", "NULL", "2018-03-20", "10"]
    title = ["Trump", "congratulates", "Putin", "on", "election", "win"]
    assert lines[3].split() == ["001_468d0ff313ca5494", *title, "NULL", "15"]


def test_an_empty_result_prints_its_header(warehouse, capsys):
    query = "SELECT article_id, title FROM articles WHERE false"
    table = "article_id  title\n----------  -----\n(0 rows)\n"
    assert run(capsys, "sql", query, "--warehouse", str(warehouse)) == (0, table, "")
    assert run(capsys, "sql", query, "--warehouse", str(warehouse), "--format", "csv") == (0, "article_id,title\n", "")
    assert run(capsys, "sql", query, "--warehouse", str(warehouse), "--format", "json") == (0, "[]\n", "")


def test_long_results_are_cut_in_table_format_only(warehouse, capsys):
    query = "SELECT range AS i FROM range(100)"
    _, out, _ = run(capsys, "sql", query, "--warehouse", str(warehouse), "--max-rows", "3")
    assert out.splitlines() == ["i", "-", "0", "1", "2", "… 97 more (--max-rows)", "(100 rows)"]
    _, out, _ = run(capsys, "sql", query, "--warehouse", str(warehouse), "--format", "csv", "--max-rows", "3")
    assert len(out.splitlines()) == 101


def test_user_mistakes_are_one_line(warehouse, tmp_path, capsys):
    code, out, err = run(capsys, "sql", "@" + str(tmp_path / "missing.sql"), "--warehouse", str(warehouse))
    assert (code, out) == (2, "")
    assert err == f"wirehouse: cannot read SQL from {tmp_path / 'missing.sql'}: No such file or directory\n"
    code, out, err = run(capsys, "sql", "SELEC 1", "--warehouse", str(warehouse))
    assert code == 1 and err.startswith('wirehouse: Parser Error: syntax error at or near "SELEC"')
    assert len(err.splitlines()) == 1
    code, _, err = run(capsys, "sql", "SELECT 1", "--warehouse", str(tmp_path / "nowhere"))
    assert code == 2 and err == f"wirehouse: no warehouse at {tmp_path / 'nowhere'} yet: run `wirehouse run` first\n"
    script = tmp_path / "q.sql"
    script.write_text("SELECT count(*) AS n FROM articles;\n")
    assert run(capsys, "sql", f"@{script}", "--warehouse", str(warehouse), "--format", "csv") == (0, "n\n2\n", "")


def test_a_lake_only_table_is_named_with_its_parts(warehouse, capsys):
    """story_keys is not in the DuckDB file: the error says where its rows are, and that query runs."""
    code, out, err = run(capsys, "sql", "SELECT count(*) FROM story_keys", "--warehouse", str(warehouse))
    parts = warehouse.absolute() / "parquet" / "story_keys" / "*.parquet"
    assert (code, out) == (1, "") and len(err.splitlines()) == 1
    assert err.startswith("wirehouse: Catalog Error: Table with name story_keys does not exist!")
    assert err.endswith(f" (story_keys is kept as Parquet parts only: read_parquet('{parts}'))\n")
    query = f"SELECT count(DISTINCT article_id) AS n FROM read_parquet('{parts}')"
    assert run(capsys, "sql", query, "--warehouse", str(warehouse), "--format", "csv") == (0, "n\n2\n", "")
    code, _, err = run(capsys, "sql", "SELECT * FROM no_such_table", "--warehouse", str(warehouse))
    assert code == 1 and "Parquet" not in err


def test_the_readme_duckdb_line_works(tmp_path):
    """The README's way into the warehouse without `wirehouse`, run as written from a folder holding one."""
    import subprocess
    import sys

    from wirehouse.paths import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = [row for row in readme.splitlines() if row.startswith(".venv/bin/python -c ")]
    assert build([str(SEEDS_DIR / "*.txt")], tmp_path / "warehouse")[0]
    command = line.replace(".venv/bin/python", sys.executable, 1)
    done = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "speech_verbs" in done.stdout and "quotes" in done.stdout

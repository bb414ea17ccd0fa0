"""The mypyc-compiled stages give exactly the rows the Python sources give, and an edited source is never
shadowed by an old build.

Each side runs in its own process (`WIREHOUSE_PURE=1` for the interpreted one): the whole batch pipeline
(`transform`) over a sample of the shared corpora, every BBC article and every 8th Reuters-21578 file. Run
as a script, this module is that process: `python -m tests.test_compiled OUT_DIR`.
"""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import fields
from datetime import datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from wirehouse import compiled
from wirehouse.paths import PROJECT_ROOT

NOW = datetime(2026, 11, 25, 12, 0, 0)
pytestmark = pytest.mark.slow


def sample(shared: Path) -> list:
    """Every BBC article and every 8th Reuters-21578 one, with the ids a run over both folders gives them."""
    from wirehouse.ingest.discover import discover

    bbc = discover([str(shared / "corpora/bbc")])
    reuters = discover([str(shared / "corpora/reuters21578/articles")])
    return [f for f in bbc if f.source_path.endswith(".txt")] + reuters[::8]


def write_tables(out: Path, shared: Path) -> None:
    """Every table `transform` makes over the sample, pickled (exact dtypes), and which modules ran compiled."""
    from wirehouse.batch import BatchTables, transform
    from wirehouse.ids import file_id
    from wirehouse.plan import TO_READ_COLUMNS

    found = sample(shared)
    rows = [(file_id(f.source_path), f.source_path, f.article_name, f.size_bytes, f.mtime_ns, None) for f in found]
    tables = transform(pd.DataFrame(rows, columns=list(TO_READ_COLUMNS)), "run-compiled", NOW)
    for table in fields(BatchTables):
        rows = getattr(tables, table.name)
        (rows.to_pandas() if isinstance(rows, pa.Table) else rows).to_pickle(out / f"{table.name}.pkl")
    (out / "loaded.json").write_text(json.dumps(compiled.loaded()))


def run_side(out: Path, shared: Path, pure: bool) -> dict[str, str]:
    out.mkdir()
    env = {k: v for k, v in os.environ.items() if k != compiled.PURE_ENV}
    if pure:
        env[compiled.PURE_ENV] = "1"
    subprocess.run(
        [sys.executable, "-m", "tests.test_compiled", str(out), str(shared)], cwd=PROJECT_ROOT, env=env, check=True
    )
    return json.loads((out / "loaded.json").read_text())


def test_compiled_and_interpreted_stages_make_identical_tables(tmp_path, shared_dir):
    from wirehouse.batch import BatchTables

    loaded_pure = run_side(tmp_path / "pure", shared_dir, pure=True)
    loaded_compiled = run_side(tmp_path / "compiled", shared_dir, pure=False)
    assert set(loaded_pure.values()) == {"interpreted"}
    assert loaded_compiled == dict.fromkeys(compiled.MODULES, "compiled"), "make builds the compiled modules"
    assert set(loaded_pure) == set(compiled.MODULES)
    for table in fields(BatchTables):
        pure = pd.read_pickle(tmp_path / "pure" / f"{table.name}.pkl")
        fast = pd.read_pickle(tmp_path / "compiled" / f"{table.name}.pkl")
        pd.testing.assert_frame_equal(fast, pure, check_exact=True, obj=table.name)
    articles = pd.read_pickle(tmp_path / "compiled" / "articles.pkl")
    quotes = pd.read_pickle(tmp_path / "compiled" / "quotes.pkl")
    assert len(articles) > 4_000 and len(quotes) > 10_000  # a real sample went through every stage
    assert articles["article_id"].is_unique


def _copy_package(tmp_path: Path) -> Path:
    copy = tmp_path / "tree"
    shutil.copytree(PROJECT_ROOT / "wirehouse", copy / "wirehouse", ignore=shutil.ignore_patterns("__pycache__"))
    for data in ("seeds", "sql"):  # the rules read their word lists when imported
        shutil.copytree(PROJECT_ROOT / data, copy / data)
    return copy


def _imported_from(tree: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != compiled.PURE_ENV}
    code = "import wirehouse.quotes.cues as m, wirehouse; print(wirehouse.COMPILED, m.__file__)"
    return subprocess.run([sys.executable, "-c", code], cwd=tree, env=env, capture_output=True, text=True, check=True)


def test_an_edited_source_runs_interpreted_with_one_line_of_warning(tmp_path):
    tree = _copy_package(tmp_path)
    unchanged = _imported_from(tree)
    assert unchanged.stdout.split()[0] == "compiled" and unchanged.stdout.strip().endswith(".so")
    assert unchanged.stderr == ""

    cues = tree / "wirehouse/quotes/cues.py"
    cues.write_text(cues.read_text() + "\n# an edit the build has not seen\n")
    edited = _imported_from(tree)
    assert edited.stdout.split() == ["stale", str(cues)]
    assert edited.stderr == (
        "wirehouse: compiled modules do not match their sources (wirehouse/quotes/cues.py); running them"
        " interpreted (slower) until `make` rebuilds them\n"
    )


def test_a_build_without_its_record_is_not_trusted(tmp_path):
    tree = _copy_package(tmp_path)
    (tree / "wirehouse" / compiled.MANIFEST).unlink()
    result = _imported_from(tree)
    assert result.stdout.split()[0] == "stale" and result.stdout.strip().endswith("cues.py")
    assert result.stderr.startswith("wirehouse: compiled modules do not match their sources (")


def test_an_extension_of_a_module_dropped_from_the_list_is_not_used(tmp_path):
    tree = _copy_package(tmp_path)
    listing = tree / "wirehouse/compiled.py"
    listing.write_text(listing.read_text().replace('    "wirehouse.quotes.cues",\n', ""))
    result = _imported_from(tree)
    assert result.stdout.split() == ["stale", str(tree / "wirehouse/quotes/cues.py")]
    assert "(wirehouse/quotes/cues.py)" in result.stderr


if __name__ == "__main__":
    write_tables(Path(sys.argv[1]), Path(sys.argv[2]))

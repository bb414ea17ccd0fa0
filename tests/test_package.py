"""A real package: the wheel, installed (not editable) into a fresh virtual environment, loads the seeds;
editing a reference CSV of that installed copy makes the next run re-derive what the rule changes."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from wirehouse.paths import PROJECT_ROOT

pytestmark = pytest.mark.slow
SOURCES = ("pyproject.toml", "setup.py", "README.md", "wirehouse", "flows", "tasks", "sql", "seeds")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A venv holding only the built wheel; its dependencies come from this environment's site-packages."""
    root = tmp_path_factory.mktemp("package")
    source = root / "source"
    source.mkdir()
    for name in SOURCES:  # a clean copy: building in the checkout would leave build/ and *.egg-info behind
        path = PROJECT_ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(path, source / name)
    wheels = root / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    # Packaging only: without mypyc's compile (minutes), which tests/test_compiled.py covers.
    pure = {**os.environ, "WIREHOUSE_PURE": "1"}
    subprocess.run([*pip, "wheel", "--no-deps", "-w", wheels, source], check=True, env=pure)
    (wheel,) = wheels.glob("wirehouse-*.whl")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    subprocess.run([*pip, "--python", venv / "bin/python", "install", "--no-deps", "--no-index", wheel], check=True)
    site = Path(
        subprocess.run(
            [venv / "bin/python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    )  # fmt: skip
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")  # after the wheel's own
    return venv


def wirehouse(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([venv / "bin/wirehouse", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_the_wheel_carries_its_sql_and_seeds_and_no_generic_packages(installed):
    site = next(installed.glob("lib/python*/site-packages"))
    assert (site / "wirehouse/sql/schema/articles.sql").is_file()
    assert (site / "wirehouse/seeds/speech_verbs.csv").is_file()
    assert (site / "wirehouse/flows/news_etl.py").is_file() and (site / "wirehouse/tasks/plan.py").is_file()
    assert not (site / "flows").exists() and not (site / "tasks").exists()
    assert not list(site.glob("wirehouse/seeds/*.txt"))  # sample articles are not package data
    version = subprocess.run([installed / "bin/python", "-m", "wirehouse", "--version"], capture_output=True, text=True)
    assert version.stdout == "wirehouse 0.1.0\n"


def test_installed_copy_loads_the_seeds_and_reprocesses_an_edited_rule(installed, seeds_dir, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in seeds_dir.glob("*.txt"):
        shutil.copy(path, inbox / path.name)
    done = wirehouse(installed, "run", str(inbox), "--workers", "1", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    first = json.loads(done.stdout)
    assert (first["n_articles"], first["n_rejects"], first["warehouse"]) == (2, 0, str(tmp_path / "warehouse"))
    query = "SELECT article_id, quote_no, text, speaker, cue_verb FROM quotes ORDER BY ALL"
    before = json.loads(wirehouse(installed, "sql", query, "--format", "json", cwd=tmp_path).stdout)
    assert sum(q["cue_verb"] == "saying" for q in before) == 1

    seeds = next(installed.glob("lib/python*/site-packages/wirehouse/seeds"))
    verbs = seeds / "speech_verbs.csv"
    verbs.write_text("".join(line for line in verbs.open() if line != "say,saying,yes,no\n"))
    again = wirehouse(installed, "run", str(inbox), "--workers", "1", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[1] == "reprocessed: 2 re-derived: speech_verbs.csv changed"
    assert ", 0 new or changed, 2 articles replaced)" in again.stdout
    after = json.loads(wirehouse(installed, "sql", query, "--format", "json", cwd=tmp_path).stdout)

    assert not [q for q in after if q["cue_verb"] == "saying"]
    untouched = [q for q in before if q["article_id"] == "000_f586c72162ac7c3d"]
    assert [q for q in after if q["article_id"] == "000_f586c72162ac7c3d"] == untouched
    changed = [q for q in before if q not in after]
    assert [q["article_id"] for q in changed] == ["001_468d0ff313ca5494"]
    assert changed[0]["cue_verb"] == "saying"
    verbs_known = wirehouse(installed, "sql", "SELECT count(*) AS n FROM speech_verbs WHERE form = 'saying'",
                            "--format", "csv", cwd=tmp_path)  # fmt: skip
    assert verbs_known.stdout == "n\n0\n"
    assert wirehouse(installed, "run", str(inbox), "--workers", "1", cwd=tmp_path).stdout.startswith("nothing to do")

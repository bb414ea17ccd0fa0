"""Where the project's own files live, so that code finds `sql/` and `seeds/` from any working directory.

In a source checkout they are the top-level folders beside the `wirehouse` package; in an installed wheel
they are package data inside it (`wirehouse/sql`, `wirehouse/seeds`; see setup.py).
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent


def _data_dir(name: str) -> Path:
    installed = PACKAGE_DIR / name
    return installed if installed.is_dir() else PROJECT_ROOT / name


SQL_DIR = _data_dir("sql")
SEEDS_DIR = _data_dir("seeds")

"""Reference data (dbt-style seeds): rules that are data live as CSV in `seeds/`, editable and queryable.

Code reads them through `reference_rows`; the warehouse loads every `seeds/*.csv` as a DuckDB table of the
same name, so an analyst can see exactly which speech verbs, titles or agencies the pipeline knows.
"""

import csv
from functools import cache
from pathlib import Path

from wirehouse.paths import SEEDS_DIR


def reference_files(seeds_dir: Path = SEEDS_DIR) -> list[Path]:
    """All reference tables, one CSV each, sorted by name."""
    return sorted(seeds_dir.glob("*.csv"))


@cache
def reference_rows(name: str) -> tuple[dict[str, str], ...]:
    """Rows of `seeds/<name>.csv` as dicts (header row gives the keys); cached for the process."""
    path = SEEDS_DIR / f"{name}.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


def reference_column(name: str, column: str) -> frozenset[str]:
    """One column of a reference table as a set, e.g. every speech verb form."""
    return frozenset(row[column] for row in reference_rows(name) if row[column])

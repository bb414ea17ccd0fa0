"""Checks on `wirehouse run`'s options, made before anything starts: each mistake is one clear line."""

import os
from pathlib import Path

from wirehouse.errors import WirehouseError


def check_run_options(batch_size: int, workers: int, max_bytes: int, warehouse: Path) -> None:
    """Raise WirehouseError naming the first option that cannot work."""
    for name, value in (("batch_size", batch_size), ("workers", workers), ("max_bytes", max_bytes)):
        if value < 1:
            raise WirehouseError(f"--{name.replace('_', '-')} must be at least 1 (got {value})")
    check_warehouse_folder(warehouse)


def check_memory_cap() -> None:
    """$WIREHOUSE_DUCKDB_MEMORY must be a size DuckDB reads (DuckDB itself parses it: '512MB', '2GB', '1.5GiB').
    Checked once a run has work to do: the no-op path imports no DuckDB (tests/test_plan_noop.py)."""
    import duckdb

    from wirehouse.settings import DUCKDB_MEMORY_LIMIT, MEMORY_ENV

    try:
        duckdb.connect(":memory:", config={"memory_limit": DUCKDB_MEMORY_LIMIT}).close()
    except duckdb.Error:
        raise WirehouseError(f"{MEMORY_ENV}={DUCKDB_MEMORY_LIMIT}: not a memory size (e.g. 512MB, 2GB)") from None


def check_warehouse_folder(warehouse: Path) -> None:
    """The warehouse folder must be a writable folder, or not exist yet below a writable one."""
    if warehouse.exists() or warehouse.is_symlink():
        if not warehouse.is_dir():
            raise WirehouseError(f"--warehouse {warehouse} is not a folder")
        if not os.access(warehouse, os.R_OK | os.W_OK | os.X_OK):
            raise WirehouseError(f"--warehouse {warehouse}: permission denied (it must be readable and writable)")
        return
    parent = warehouse.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        raise WirehouseError(f"--warehouse {warehouse} cannot be created: {parent} is not a writable folder")

"""In-memory DuckDB for a stage's SQL, spilling (when a query outgrows memory) to the system's temporary folder.

DuckDB spills an in-memory database to `.tmp` in the *current directory*: a link step run from a checkout
once left 27 GB of `duckdb_temp_storage_*.tmp` files there (and they were committed). Each process spills to
its own folder under the temporary one (DuckDB's file names are the same in every process); DuckDB removes
it when the connection closes.
"""

import functools
import glob
import os
import shutil
import tempfile

import duckdb
import pandas as pd

from wirehouse.settings import DUCKDB_MEMORY_LIMIT

SPILL_PREFIX = "wirehouse-duckdb-"


def spill_folder(purpose: str = "scratch") -> str:
    """This process's folder for one purpose (DuckDB names its spill files alike in every database)."""
    return os.path.join(tempfile.gettempdir(), f"{SPILL_PREFIX}{os.getpid()}-{purpose}")


@functools.cache
def sweep_dead_spills() -> None:
    """Remove the spill folders of processes that are gone, once per process. DuckDB removes a folder when
    its connection closes, which a killed process never does: three runs killed here (by `timeout` and the
    OOM killer) had left 7.1 GB of spill files in the temporary folder."""
    for folder in glob.glob(os.path.join(tempfile.gettempdir(), f"{SPILL_PREFIX}*-*")):
        pid = os.path.basename(folder)[len(SPILL_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def scratch_db() -> duckdb.DuckDBPyConnection:
    """A new in-memory DuckDB connection that spills to spill_folder(), never to the current directory, past
    DUCKDB_MEMORY_LIMIT."""
    return duckdb.connect(":memory:", config=spill_config())


def spill_config(purpose: str = "scratch") -> dict[str, str]:
    """DuckDB's settings for a run's connections (scratch, the DuckDB file's build, its checks): hold at most
    DUCKDB_MEMORY_LIMIT, spill past it to spill_folder(purpose). Building the 100,000-file bench warehouse's DuckDB
    file peaked at 1.8 GiB without a limit and at 0.72-0.76 GiB with 512 MB, for ~8 % more CPU (19.0-21.0 ->
    21.4-22.0 s user, three alternating builds, load ~3)."""
    sweep_dead_spills()
    return {"temp_directory": spill_folder(purpose), "memory_limit": DUCKDB_MEMORY_LIMIT}


def as_frame(result: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """An executed query's rows as a pandas frame, through Arrow: for the 2.6 M quote members of a
    1,000,000-file run, DuckDB's .df() took 4.1 s and a transient 600 MiB, through Arrow 1.7 s and 130 MiB."""
    return result.fetch_arrow_table().to_pandas()

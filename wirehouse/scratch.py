"""In-memory DuckDB for a stage's SQL, spilling (when a query outgrows memory) to the system's temporary folder.

DuckDB spills an in-memory database to `.tmp` in the *current directory*: a link step run from a checkout
once left 27 GB of `duckdb_temp_storage_*.tmp` files there (and they were committed). Each process spills to
its own folder under the temporary one (DuckDB's file names are the same in every process); DuckDB removes
it when the connection closes.
"""

import os
import tempfile

import duckdb


def spill_folder() -> str:
    return os.path.join(tempfile.gettempdir(), f"wirehouse-duckdb-{os.getpid()}")


def scratch_db() -> duckdb.DuckDBPyConnection:
    """A new in-memory DuckDB connection that spills to spill_folder(), never to the current directory."""
    return duckdb.connect(":memory:", config={"temp_directory": spill_folder()})

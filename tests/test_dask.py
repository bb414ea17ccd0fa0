"""`--runner dask`: the batch tasks on a Dask LocalCluster (prefect-dask) give exactly the default run's tables."""

import shutil

import pytest

from tests.conftest import parquet_contents, query
from wirehouse.paths import SEEDS_DIR
from wirehouse.schema import DUCKDB_TABLES, LAKE_TABLES

pytestmark = pytest.mark.slow
# what differs between two runs of the same input: the run's id and clock, nothing else
RUN_COLUMNS = {"run_id", "last_run_id", "first_seen_at", "rejected_at", "flow_run_id", "started_at", "finished_at"}


def contents_without_run_columns(warehouse) -> dict[str, list[tuple]]:
    contents = parquet_contents(warehouse, LAKE_TABLES)  # Parquet parts only; no run columns in them
    for table in DUCKDB_TABLES:
        columns = [name for (name,) in query(warehouse, f"SELECT column_name FROM (DESCRIBE {table})")]
        kept = ", ".join(c for c in columns if c not in RUN_COLUMNS)
        contents[table] = sorted(query(warehouse, f"SELECT {kept} FROM {table}"), key=repr)
    return contents


def test_dask_run_gives_the_default_runs_tables(prefect_harness, shared_dir, tmp_path):
    from wirehouse.ops.runners import flow_with_runner

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, inbox / path.name)
    (inbox / "tech").mkdir()
    for path in sorted((shared_dir / "corpora/bbc/tech").glob("*.txt"))[:150]:  # three batches of 50
        shutil.copy(path, inbox / "tech" / path.name)
    (inbox / "empty.txt").write_bytes(b"")
    parameters = {"paths": [str(inbox)], "batch_size": 50}

    default = flow_with_runner("default")(warehouse=str(tmp_path / "default"), workers=2, **parameters)
    dask = flow_with_runner("dask")(warehouse=str(tmp_path / "dask"), **parameters)

    assert dask.n_articles == default.n_articles == 2 + len(list((inbox / "tech").glob("*.txt")))
    assert (dask.n_quotes, dask.n_sentences, dask.n_rejects) == (default.n_quotes, default.n_sentences, 1)
    expected = contents_without_run_columns(tmp_path / "default")
    assert contents_without_run_columns(tmp_path / "dask") == expected
    assert len(expected["quotes"]) == default.n_quotes > 300

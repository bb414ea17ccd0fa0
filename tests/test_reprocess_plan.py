"""Re-deriving keeps the plan small: rows name the raw_articles part holding their text; a batch fetches it.

The plan of a run that re-derives 100,000 articles used to carry every stored text, pickled into every
batch task; now each row names its part (`stored_part`) and `read_inputs` reads its batch's texts there.
"""

import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from tests.builder import build
from tests.conftest import query
from wirehouse.fingerprint import current_pipeline
from wirehouse.paths import SEEDS_DIR
from wirehouse.reprocess import plan_with_reprocessing, read_inputs
from wirehouse.store.layout import Warehouse
from wirehouse.store.parquet import parts

SEED_A, SEED_B = "000_f586c72162ac7c3d", "001_468d0ff313ca5494"


def _two_runs(tmp_path: Path) -> tuple[Path, Path]:
    """A warehouse whose two articles were loaded by two runs: raw_articles has one part per run."""
    inbox, warehouse = tmp_path / "inbox", tmp_path / "wh"
    inbox.mkdir()
    for name in (SEED_A, SEED_B):
        shutil.copy(SEEDS_DIR / f"{name}.txt", inbox / f"{name}.txt")
        build([str(inbox)], warehouse)
    return inbox, warehouse


def test_a_stale_row_names_its_part_and_the_batch_reads_exactly_the_stored_text(tmp_path):
    inbox, warehouse = _two_runs(tmp_path)
    current = current_pipeline()
    edited = replace(current, seeds={**current.seeds, "titles.csv": "0" * 16})
    store = Warehouse(warehouse.resolve())
    now = datetime.now(UTC).replace(tzinfo=None)
    plan, again = plan_with_reprocessing([str(inbox)], store, "r", now, 5 * 1024 * 1024, pipeline=edited)

    assert again.n_rederive == 2 and "raw_text" not in plan.to_read.columns and "text" not in plan.to_read.columns
    raw_parts = [str(p) for p in parts(store.current_snapshot() / "parquet" / "raw_articles")]
    assert len(raw_parts) == 2
    planned = dict(zip(plan.to_read["article_id"], plan.to_read["stored_part"], strict=True))
    assert sorted(planned.values()) == raw_parts  # one row from each part, in part order
    assert list(plan.to_read["source_path"]) == [str((inbox / f"{a}.txt").resolve()) for a in (SEED_A, SEED_B)]

    # Both rows in one batch, reversed: each gets its own text from its own part, byte for byte.
    read = read_inputs(plan.to_read.iloc[::-1].reset_index(drop=True), 5 * 1024 * 1024)
    stored = dict(query(warehouse, "SELECT article_id, raw_text FROM raw_articles"))
    assert list(read["article_id"]) == [SEED_B, SEED_A]
    assert list(read["text"]) == [stored[SEED_B], stored[SEED_A]]
    assert read["reject_reason"].isna().all() and not read["unchanged"].any()
    assert list(read["encoding"]) == [
        row[0]
        for a in (SEED_B, SEED_A)
        for row in query(warehouse, "SELECT encoding FROM files WHERE article_id = ?", [a])
    ]


def test_rows_read_from_files_and_rows_re_derived_share_one_batch(tmp_path):
    inbox, warehouse = _two_runs(tmp_path)
    changed = inbox / f"{SEED_A}.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    current = current_pipeline()
    edited = replace(current, seeds={**current.seeds, "titles.csv": "0" * 16})
    store = Warehouse(warehouse.resolve())
    now = datetime.now(UTC).replace(tzinfo=None)
    plan, again = plan_with_reprocessing([str(inbox)], store, "r", now, 5 * 1024 * 1024, pipeline=edited)

    assert again.n_rederive == 1  # SEED_A's file changed: read from disk, not re-derived
    read = read_inputs(plan.to_read, 5 * 1024 * 1024).set_index("article_id")
    assert read.loc[SEED_A, "text"].endswith("One more line.\n")
    assert read.loc[SEED_B, "text"] == query(warehouse, "SELECT raw_text FROM raw_articles WHERE article_id = ?",
                                             [SEED_B])[0][0]  # fmt: skip

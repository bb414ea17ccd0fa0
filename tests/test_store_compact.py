"""Compaction (wirehouse/store/compact.py): small runs do not pile up parts, and moving rows into a merged part
changes nothing a reader sees: after every run the DuckDB file (copied or taken) holds what a rebuild from the
same Parquet holds, the stories and clusters are found again, and story_keys keep their story_sample pairs."""

import shutil

import pyarrow.parquet as pq

from tests.builder import build
from tests.test_store_incremental import assert_same_as_rebuilt
from tests.test_store_taken import bbc_inbox, edit, inode
from wirehouse.store import compact as compact_module
from wirehouse.store.layout import DUCKDB_NAME, Warehouse


def part_names(warehouse, table: str) -> list[str]:
    snapshot = Warehouse(warehouse.resolve()).current_snapshot()
    return sorted(p.name for p in (snapshot / "parquet" / table).glob("*.parquet"))


def test_small_runs_are_merged_and_the_warehouse_holds_what_a_rebuild_holds(shared_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(compact_module, "MAX_SMALL_PARTS", 3)
    inbox, wh = bbc_inbox(shared_dir, tmp_path, n=6), tmp_path / "wh"
    assert build([str(inbox)], wh, link=True)[0]
    counts = []
    for day in range(8):  # one small run after another: an edit, and a copy of a stored article
        edit(inbox / "business" / f"{day % 6 + 1:03d}.txt", f"day {day}")
        shutil.copy(inbox / "sport" / f"{day % 6 + 1:03d}.txt", inbox / "sport" / f"copy-{day}.txt")
        assert build([str(inbox)], wh, link=True)[0]
        tables = assert_same_as_rebuilt(wh, tmp_path)
        counts.append(len(part_names(wh, "quotes")))
        copies = [row for row in tables["articles"] if "copy-" in str(row)]
        assert len(copies) == day + 1
    assert max(counts) <= 3 + 2  # at most MAX_SMALL_PARTS small parts, a merged one and the run's own
    assert any(name.endswith("-merged.parquet") for name in part_names(wh, "quotes"))
    assert part_names(wh, "story_keys") == part_names(wh, "story_sample")  # still in pairs, by name
    snapshot = Warehouse(wh.resolve()).current_snapshot() / "parquet"
    stories = pq.read_table(snapshot / "articles", columns=["article_id", "story_id"]).to_pandas()
    stories = stories.set_index("article_id")["story_id"]
    for day in range(8):  # each copy found its original's story through the merged index
        assert stories[f"sport/copy-{day}"] == stories[f"sport/{day % 6 + 1:03d}"]
    quotes = pq.read_table(snapshot / "quotes", columns=["article_id", "quote_no", "cluster_id"]).to_pandas()
    clustered = quotes.dropna(subset=["cluster_id"])
    compared = 0
    for day in range(8):  # and each copy's quotes joined the clusters of the stored original's quotes
        original, copied = (
            dict(clustered.loc[clustered["article_id"] == article_id, ["quote_no", "cluster_id"]].to_numpy())
            for article_id in (f"sport/{day % 6 + 1:03d}", f"sport/copy-{day}")
        )
        assert copied == original
        compared += len(original)
    assert compared >= 8


def test_a_big_runs_parts_are_not_merged_so_the_next_commit_still_takes_the_older_file(
    shared_dir, tmp_path, monkeypatch
):
    """A run of many batches writes parts that may be small in bytes (a `paragraphs` part holds offsets) but
    not in articles; merged, they made the commit after next delete and insert all their articles, more than
    copying the file: at 100,000 files it copied the 670 MB DuckDB file. Only parts of small runs merge."""
    monkeypatch.setattr(compact_module, "MAX_SMALL_PARTS", 3)
    monkeypatch.setattr(compact_module, "SMALL_RUN_ARTICLES", 4)
    inbox, wh = bbc_inbox(shared_dir, tmp_path, n=6), tmp_path / "wh"
    cold = build([str(inbox)], wh, link=True, batch_size=2)[0]  # 12 articles in 6 batches: 6 small parts
    assert sum(name.startswith(cold) for name in part_names(wh, "paragraphs")) == 6
    files = [inode(Warehouse(wh.resolve()).current_snapshot() / DUCKDB_NAME)]  # each snapshot's DuckDB file
    for day in range(6):
        edit(inbox / "business" / f"{day + 1:03d}.txt", f"day {day}")
        assert build([str(inbox)], wh, link=True)[0]
        names = part_names(wh, "paragraphs")
        assert sum(name.startswith(cold) for name in names) == 6  # the big run's parts stay as they are
        files.append(inode(Warehouse(wh.resolve()).current_snapshot() / DUCKDB_NAME))
        if day >= 1:  # the commit renamed the file of the snapshot before the current one: no copy
            assert files[-1] == files[-3]
        assert_same_as_rebuilt(wh, tmp_path)
    assert any(name.endswith("-merged.parquet") for name in part_names(wh, "paragraphs"))  # small runs' parts

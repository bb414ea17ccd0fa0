"""Carrying parts into a new snapshot: untouched parts are hard links, a hit part loses exactly the replaced
articles' rows, row groups are ruled out by their statistics, and a big rewritten part is split."""

import os

import pyarrow as pa
import pyarrow.parquet as pq

import wirehouse.store.commit as commit
from wirehouse.store.parquet import may_hold


def write(path, ids, other=None, row_group_size=4):
    columns = {"article_id": ids, "n": list(range(len(ids)))}
    if other is not None:
        columns["other_article_id"] = other
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(columns), path, row_group_size=row_group_size)
    return path


def rows(folder):
    return sorted(r for p in sorted(folder.glob("*.parquet")) for r in pq.read_table(p)["article_id"].to_pylist())


def test_only_parts_holding_a_replaced_article_are_rewritten(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    first = write(old / "a.parquet", [f"a{i:02d}" for i in range(12)])  # 3 row groups: a00-a03, a04-a07, a08-a11
    second = write(old / "b.parquet", [f"b{i:02d}" for i in range(8)])
    commit._carry_over(old, new, pa.array(["a05", "a06", "zz"]), ("article_id",))
    assert os.path.samefile(second, new / "b.parquet")  # b's statistics rule it out: linked, not read
    assert not os.path.samefile(first, new / "a.parquet")
    assert rows(new) == sorted([f"a{i:02d}" for i in range(12) if i not in (5, 6)] + [f"b{i:02d}" for i in range(8)])


def test_statistics_decide_which_row_groups_are_read(tmp_path):
    part = write(tmp_path / "a.parquet", [f"a{i:02d}" for i in range(12)])
    ids = ["a05"]
    assert commit._rows_hit(part, ids, pa.array(ids), ("article_id",)).to_pylist() == [i == 5 for i in range(12)]
    between = ["a045"]  # inside the second row group's min/max, but not in it: read, found absent
    assert commit._rows_hit(part, between, pa.array(between), ("article_id",)) is None
    stats = pq.ParquetFile(part).metadata.row_group(1).column(0).statistics
    assert (stats.min, stats.max) == ("a04", "a07")
    assert may_hold(stats, ["a00", "a045"]) and not may_hold(stats, ["a00", "a08", "b"])


def test_rows_naming_a_replaced_article_on_either_side_go(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    write(old / "links.parquet", ["a1", "a2", "a3"], other=["b1", "a9", "b3"])
    commit._carry_over(old, new, pa.array(["a9"]), ("article_id", "other_article_id"))
    assert rows(new) == ["a1", "a3"]


def test_a_big_rewritten_part_is_split(tmp_path, monkeypatch):
    monkeypatch.setattr(commit, "PART_ROWS", 5)
    old, new = tmp_path / "old", tmp_path / "new"
    write(old / "big.parquet", [f"a{i:02d}" for i in range(12)])
    commit._carry_over(old, new, pa.array(["a00"]), ("article_id",))
    assert sorted(p.name for p in new.glob("*.parquet")) == ["big.000.parquet", "big.001.parquet", "big.002.parquet"]
    assert [pq.read_metadata(p).num_rows for p in sorted(new.glob("*.parquet"))] == [5, 5, 1]
    assert rows(new) == [f"a{i:02d}" for i in range(1, 12)]


def test_a_big_part_sorted_by_another_column_is_split_by_articles(tmp_path, monkeypatch):
    """A part sorted by term (search_terms) is cut into pieces of whole articles, so that the next commit
    that hits one article rewrites one piece, not every piece of the part; rows keep their order."""
    monkeypatch.setattr(commit, "PART_ROWS", 5)
    old, new = tmp_path / "old", tmp_path / "new"
    ids = [f"a{i % 6}" for i in range(18)]  # every article in every row group, as a term-sorted part has them
    write(old / "terms.parquet", ids)
    commit._carry_over(old, new, pa.array(["a0"]), ("article_id",))
    pieces = [pq.read_table(p) for p in sorted(new.glob("*.parquet"))]
    assert [sorted(set(p["article_id"].to_pylist())) for p in pieces] == [["a1", "a2"], ["a3", "a4"], ["a5"]]
    assert [p["n"].to_pylist() for p in pieces] == [
        [1, 2, 7, 8, 13, 14],
        [3, 4, 9, 10, 15, 16],
        [5, 11, 17],
    ]
    again = tmp_path / "again"
    commit._carry_over(new, again, pa.array(["a3"]), ("article_id",))
    linked = [p.name for p in sorted(again.glob("*.parquet")) if os.path.samefile(p, new / p.name)]
    assert linked == ["terms.000.parquet", "terms.002.parquet"]  # only the piece holding a3 was rewritten

"""Compaction: a table's small Parquet parts merged into one, so that a schedule of small runs does not pile them up.

Every committing run adds a part to each article table it writes, and a run of one file adds parts of a few
KB: 60 one-file commits took a 2,225-article warehouse from 17 parts to 621, and each commit ~6 ms slower per
earlier run (every part's footer is opened). When a table holds more than MAX_SMALL_PARTS parts under
SMALL_PART_BYTES carried over from the snapshot before, the commit merges them into one part named after the
run. Rows are not changed, only moved: the DuckDB file built by copying holds them already, and a commit that
takes the older DuckDB file (delta.py) sees the merged part as new and the small ones as gone, so it deletes
and inserts their articles' rows again (a few MB at most, by SMALL_PART_BYTES).

story_keys parts pair with story_sample parts by name (link/index.py): the two are merged together, under one
name, and only parts that have their pair.
"""

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from wirehouse.link.index import write_fine_part
from wirehouse.store.parquet import conform, parts, write_part

MAX_SMALL_PARTS = 16  # small parts a table may hold before they are merged
SMALL_PART_BYTES = 1 << 20  # a part under 1 MB is small (a 5,000-article batch's parts are 0.3-12 MB)
SORTED_BY = {"search_terms": "term"}  # a part's own order (the others keep the order of the parts merged)
PAIRED = ("story_keys", "story_sample")


def compact(parquet_dir: Path, tables: tuple[str, ...], run_id: str) -> None:
    """Merge each table's small parts when there are too many."""
    for table in tables:
        if table == PAIRED[1]:
            continue  # merged with story_keys
        folder = parquet_dir / table
        small = [part for part in parts(folder) if part.stat().st_size < SMALL_PART_BYTES]
        if table == PAIRED[0]:
            small = [part for part in small if (parquet_dir / PAIRED[1] / part.name).is_file()]
        if len(small) <= MAX_SMALL_PARTS:
            continue
        name = f"{run_id}-merged.parquet"
        _merge(small, table, folder / name)
        if table == PAIRED[0]:
            _merge([parquet_dir / PAIRED[1] / part.name for part in small], PAIRED[1], parquet_dir / PAIRED[1] / name)


def _merge(small: list[Path], table: str, target: Path) -> None:
    rows = pa.concat_tables([conform(pq.read_table(part), table) for part in small])
    if table == PAIRED[0]:
        write_fine_part(rows, target)
    else:
        if table in SORTED_BY:
            rows = rows.sort_by(SORTED_BY[table])
        write_part(rows, target)
    for part in small:
        part.unlink()

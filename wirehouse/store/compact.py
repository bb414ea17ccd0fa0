"""Compaction: a table's small Parquet parts merged into one, so that a schedule of small runs does not pile them up.

Every committing run adds a part to each article table it writes, and a run of one file adds parts of a few
KB: 60 one-file commits took a 2,225-article warehouse from 17 parts to 621, and each commit ~6 ms slower per
earlier run (every part's footer is opened). When a table holds more than MAX_SMALL_PARTS small parts carried
over from the snapshot before, the commit merges them into one part named after the run. A part is small when
it is under SMALL_PART_BYTES and the run that wrote it loaded at most SMALL_RUN_ARTICLES articles.

Rows are not changed, only moved: the DuckDB file built by copying holds them already, but the next commit
that takes the older DuckDB file (delta.py) sees the merged part as new and the small ones as gone, so it
deletes and inserts all their articles' rows again. Hence the run size: a big run's parts can be small in bytes
and not in articles (a 5,000-article batch's `paragraphs` part is ~0.3 MB, its texts being slices of the
bodies), and merging a cold run's 20 of them made the commit after next insert 100,000 articles' paragraphs:
more than copying the file, so at 100,000 files that commit copied the 670 MB DuckDB file (4.1 s instead of
1.7 s). Parts of small runs stay a few articles each.

story_keys parts pair with story_sample parts by name (link/index.py): the two are merged together, under one
name, and only parts that have their pair.
"""

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from wirehouse.link.index import write_fine_part
from wirehouse.store.parquet import conform, parts, write_part

MAX_SMALL_PARTS = 16  # small parts a table may hold before they are merged
SMALL_PART_BYTES = 1 << 20  # a part under 1 MB may be small (a 5,000-article batch's parts are 0.3-12 MB) ...
SMALL_RUN_ARTICLES = 1000  # ... when its run loaded at most this many articles (the `runs` table's n_articles)
SORTED_BY = {"search_terms": "term"}  # a part's own order (the others keep the order of the parts merged)
PAIRED = ("story_keys", "story_sample")


def compact(parquet_dir: Path, tables: tuple[str, ...], run_id: str, small_runs: set[str]) -> None:
    """Merge each table's small parts when there are too many; `small_runs`: the ids of the runs that loaded at
    most SMALL_RUN_ARTICLES articles (small_runs_of())."""
    for table in tables:
        if table == PAIRED[1]:
            continue  # merged with story_keys
        folder = parquet_dir / table
        small = [part for part in parts(folder) if _run_of(part) in small_runs]
        small = [part for part in small if part.stat().st_size < SMALL_PART_BYTES]
        if table == PAIRED[0]:
            small = [part for part in small if (parquet_dir / PAIRED[1] / part.name).is_file()]
        if len(small) <= MAX_SMALL_PARTS:
            continue
        name = f"{run_id}-merged.parquet"
        _merge(small, table, folder / name)
        if table == PAIRED[0]:
            _merge([parquet_dir / PAIRED[1] / part.name for part in small], PAIRED[1], parquet_dir / PAIRED[1] / name)


def small_runs_of(runs: pa.Table) -> set[str]:
    """The ids of the runs of a `runs` table that loaded at most SMALL_RUN_ARTICLES articles."""
    return set(runs.filter(pc.less_equal(runs["n_articles"], SMALL_RUN_ARTICLES))["run_id"].to_pylist())


def _run_of(part: Path) -> str:
    """The run that wrote a part (or merged it): its name starts with the run id, `<time>Z-<hex>`."""
    return "-".join(part.name.split("-", 2)[:2])


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

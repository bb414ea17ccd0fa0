"""The stored story index in two tiers, so that a run's lookup scans about a fifth of it, not all of it.

- `story_keys` (fine): every article's keys (1 shingle in 4, shingles.py). Parts are sorted by article id
  and written in row groups of ROW_GROUP_ROWS, so the keys of a few articles are read by their row groups.
- `story_sample` (coarse): the keys whose hash is also 0 modulo COARSE_SAMPLE * 4 = 32, the article's
  lead keys (its first LEAD_KEYS keys in body order), and all keys of an article with at most SHORT keys.
  A run joins its own (fine) keys with this table only; then it reads the fine keys of the stored articles
  found there and verifies exactly as a scan of every stored key would (stories.py; pinned to that plain
  reference, `one_tier_rows`, in tests/test_stories_index.py). A key is in the sample or not by its hash,
  the same in every article, so copies keep finding each other.

What the coarse join can miss: a pair sharing s fine keys, none of them sampled or the stored article's
lead, which happens with probability about (7/8)**s when the stored article is long (a short one has all
its keys in the sample). A verified pair shares at least 30 % of the shorter article's keys, so this is a
risk for very short articles against long ones that they do not copy from the lead (a wire cut keeps the
lead, so it is found): bench/syndication.py measures pair recall and the links lost against the reference.

Boilerplate: a stored article sharing a single sampled key with a new one, where both are long enough that
a true copy or rewrite would share several (EXPECTED_SAMPLED or more expected), is not read: two long
articles with one common 5-gram ("said in a statement on Monday") are not a story.
"""

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from wirehouse.schema import arrow_schema
from wirehouse.scratch import scratch_db
from wirehouse.store.parquet import conform, may_hold, part_paths

COARSE_SAMPLE = 8  # story_sample keeps 1 story key in 8 (1 shingle in 32), plus leads and short articles
SHORT = 16  # an article with at most this many story keys has all of them in story_sample
EXPECTED_SAMPLED = 6.0  # sampled keys a verified pair of long articles shares at least, on average
ROW_GROUP_ROWS = 16_384  # story_keys row groups: about 300 articles each


@dataclass(frozen=True)
class StoredIndex:
    """The published story index a run looks up: the parts of both tiers."""

    fine: list[str]  # story_keys parts that have their story_sample part (of the same name)
    sample: list[str]  # story_sample parts
    unsampled: list[str] = field(default_factory=list)  # story_keys parts without one: scanned whole
    articles: list[str] = field(default_factory=list)  # the articles parts: the stored articles' story ids

    @classmethod
    def of(cls, parquet_dir: Path | None) -> "StoredIndex":
        """The index of a snapshot. A story_keys part written without its sample (a warehouse from before
        the two tiers, or rows committed without the link step) is scanned whole, so nothing is missed."""
        if parquet_dir is None:
            return cls([], [])
        fine = part_paths(parquet_dir / "story_keys")
        sample = part_paths(parquet_dir / "story_sample")
        names = {Path(p).name for p in sample}
        fine, unsampled = [p for p in fine if Path(p).name in names], [p for p in fine if Path(p).name not in names]
        return cls(fine, sample, unsampled, part_paths(parquet_dir / "articles"))


def in_sample(keys: np.ndarray) -> np.ndarray:
    """Whether each story key is in the coarse sample by its hash (key = hash >> 1; hash % 16 == 0)."""
    return ((keys >> 1) % COARSE_SAMPLE) == 0


def sample_rows(keys: pd.DataFrame) -> pd.DataFrame:
    """story_sample rows for story_keys rows."""
    keep = in_sample(keys["key"].to_numpy()) | keys["lead"].to_numpy() | (keys["n_keys"].to_numpy() <= SHORT)
    return keys.loc[keep, ["article_id", "key", "n_keys", "body_hash"]].reset_index(drop=True)


def write_fine_part(table: pa.Table, path: Path) -> None:
    """A story_keys part sorted by article and key, in row groups the lookup can read one by one."""
    table = table.sort_by([("article_id", "ascending"), ("key", "ascending")])
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, temporary, compression="zstd", row_group_size=ROW_GROUP_ROWS)
    temporary.replace(path)


def worth_reading(hits: pd.DataFrame, min_containment: float) -> pd.DataFrame:
    """Sample hits that could be verified pairs (see the module's docstring on boilerplate)."""
    smaller = np.minimum(hits["n_keys"], hits["other_n_keys"]).to_numpy()
    rate = np.where(hits["other_n_keys"].to_numpy() <= SHORT, 1.0, 1.0 / COARSE_SAMPLE)
    expected = min_containment * smaller * rate
    return hits[(hits["shared_sample"].to_numpy() >= 2) | (expected < EXPECTED_SAMPLED)]


def rows_of_articles(paths: list[str], article_ids: list[str]) -> pa.Table:
    """The story_keys rows of the given articles, reading only the row groups whose id range holds one."""
    tables = [conform(table, "story_keys") for table in _rows_of(paths, article_ids)]
    return pa.concat_tables(tables) if tables else arrow_schema("story_keys").empty_table()


def with_group_ids(rows: pa.Table, item_parts: list[str], item: str, group: str) -> pa.Table:
    """Key rows (story_keys, quote_keys) with each item's group id (story_id, cluster_id) from the parts of
    the items' own table (articles, quotes), where the link step writes it: the batches write the key parts
    once and nothing rewrites them (filling one article's story id into every one of its key rows was 1.8 s
    of a 100,000-file link step). A row's own id is kept where the items' table has none (an older
    warehouse's key parts hold theirs; indexes written without their items' table)."""
    if rows.num_rows == 0:
        return rows
    columns = list(dict.fromkeys(["article_id", item, group]))
    found = _rows_of(item_parts, pc.unique(rows["article_id"]).to_pylist(), columns)
    if not found:
        return rows
    decided = pa.concat_tables(found)
    position = pc.index_in(rows[item], value_set=decided[item])
    ids = pc.coalesce(pc.take(decided[group], position), rows[group])
    return rows.set_column(rows.schema.get_field_index(group), group, ids)


def _rows_of(paths: list[str], article_ids: list[str], columns: list[str] | None = None) -> list[pa.Table]:
    """The rows of the given articles in Parquet parts, reading only the row groups whose article_id range
    holds one of them (by the row groups' min/max statistics)."""
    wanted = sorted(set(article_ids))
    tables = []
    for path in paths if wanted else ():
        part = pq.ParquetFile(path)
        column = part.schema_arrow.get_field_index("article_id")
        statistics = (
            part.metadata.row_group(number).column(column).statistics for number in range(part.metadata.num_row_groups)
        )
        groups = [number for number, stats in enumerate(statistics) if may_hold(stats, wanted)]
        if groups:
            table = part.read_row_groups(groups, columns=columns)
            tables.append(table.filter(pc.is_in(table["article_id"], value_set=pa.array(wanted, pa.string()))))
    return tables


def one_tier_rows(new_keys: pa.Table, fine_parts: list[str]) -> pa.Table:
    """The plain reference for the two tiers: every stored story_keys row sharing a key with the run's keys
    (a scan of the whole fine tier). Tests and bench/syndication.py compare the two tiers' pairs with it."""
    con = scratch_db()
    try:
        con.register("new_keys", new_keys)
        return rows_sharing_a_key(con, fine_parts)
    finally:
        con.close()


def rows_sharing_a_key(con: duckdb.DuckDBPyConnection, fine_parts: list[str]) -> pa.Table:
    """The rows of the story_keys parts sharing a key with `new_keys` (a table or view in `con`)."""
    sql = "SELECT * FROM read_parquet($fine) WHERE key IN (SELECT key FROM new_keys)"
    return con.execute(sql, {"fine": fine_parts}).fetch_arrow_table()

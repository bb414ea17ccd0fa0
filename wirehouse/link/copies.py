"""Exact copies pair through their first copy: the key join runs once per text, not once per copy.

A run's new items (articles, quotes) with the same hash (`body_hash`, `text_hash`: the same words in the same
order) have the same keys, so the pairs the key join finds for one copy are every copy's pairs, with the same
figures. The join runs on the first copy of each hash (the smallest id) only; its pairs are then given to every
copy, and the pairs among the copies of one hash are added (the same text: every key shared). The pairs that
come out are exactly those of the join over every item (pinned in tests/test_link_copies.py), but the join
no longer grows with the square of the copies: a key held by k copies made k * k rows, and the 100,000 bench
files hold each text about 43 times (a wire story carried by many outlets word for word is no rarer).

When linking a run (stories and quote clusters), a copy is also paired only with the *leader* of each other
text, its first copy in the run's order: among the copies of one text only the leader can found a group
(every later copy has the leader's candidates and the leader itself, so it always finds a root), and
join_roots skips candidates that are not roots, so the groups come out the same (pinned in
tests/test_link_copies.py) from pairs that grow with the copies, not with their square. A story's copies
then link to their body's first copy only (README, "Links name first copies").
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from wirehouse.link.roots import group_id_of
from wirehouse.schema import read_sql
from wirehouse.scratch import as_frame


@dataclass(frozen=True)
class Names:
    """Column names of one kind of key rows and of its pairs frame (see sql/link/*_pairs.sql)."""

    item: str  # article_id | quote_id
    other: str  # other_article_id | other_quote_id
    hash: str  # body_hash | text_hash
    n_keys: str  # n_keys | n_windows: the pairs frame has it and other_<it>
    same: str  # same_body | same_text
    group: str  # story_id | cluster_id: the pairs frame has other_<it>


STORY = Names("article_id", "other_article_id", "body_hash", "n_keys", "same_body", "story_id")
QUOTE = Names("quote_id", "other_quote_id", "text_hash", "n_windows", "same_text", "cluster_id")


KeyRows = pa.Table | list[Path]  # a run's key rows: an Arrow table, or the Parquet parts that hold them


@dataclass(frozen=True)
class Copies:
    """A run's items with their hash's first copy; the first copies' key rows are DuckDB's temporary table
    `firsts` in the connection first_copies() was given (never Python objects: see first_copies())."""

    members: pd.DataFrame  # item, first_copy, n_keys, n_rows (its key rows), group_id: one row per new item
    n_first_rows: int  # rows in `firsts`

    def leaders(self, order: list[str]) -> pd.DataFrame:
        """item, first_copy, leader: each item with the first copy of its text in `order` (items missing
        from `order` come last, so they lead only a text with no other copy in it)."""
        members = self.members[["item", "first_copy"]]
        position = pd.Index(order).get_indexer(members["item"])
        position = pd.Series(position).where(position >= 0, len(order)).to_numpy()
        by_order = members.assign(position=position).sort_values(["first_copy", "position", "item"])
        leader = by_order.groupby("first_copy", sort=False)["item"].transform("first")
        return by_order.assign(leader=leader).drop(columns="position")


def first_copies(con: duckdb.DuckDBPyConnection, keys: KeyRows, names: Names) -> Copies:
    """The run's key rows, cut down to the first copy of each hash (DuckDB's `firsts`), and its members.

    Given parts, DuckDB reads them itself, through a view, where the queries use them: at 1,000,000 bench
    files the run's 37 M story keys and 40 M quote keys, read into Arrow, were most of the link step's 17 GiB.
    Copied into a DuckDB table first, they stayed within its memory cap (wirehouse/scratch.py) but spilled
    5.4 GB to disk, and first_copies() took 20-23 s (stories) and 28-69 s (quotes) there; through the view
    3.1 s and 12.6 s."""
    if isinstance(keys, pa.Table):
        con.register("run_keys", keys)
    else:
        con.read_parquet([str(part) for part in keys]).create_view("run_keys")  # read where it is used
    columns = {"item": names.item, "hash": names.hash, "n_keys": names.n_keys, "group": names.group}
    con.execute(read_sql("link/first_copy_rows.sql").format(**columns))
    members = as_frame(con.execute("SELECT * FROM members ORDER BY item"))
    n_first_rows = con.execute("SELECT count(*) FROM firsts").fetchone()[0]
    return Copies(members, n_first_rows)


def to_every_copy(
    pairs: pd.DataFrame, copies: Copies, names: Names, both_sides: bool, leaders: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Pairs found for first copies, given to every copy of the item, and of the other item (both_sides):
    to every copy of it, or with `leaders` (Copies.leaders), to its leader only (see the module's docstring)."""
    members = copies.members[["first_copy", "item"]]
    pairs = _replace(pairs, names.item, members)
    if both_sides:
        others = members if leaders is None else leaders.loc[leaders["item"] == leaders["leader"]]
        pairs = _replace(pairs, names.other, others[["first_copy", "item"]])
    return pairs


def _replace(pairs: pd.DataFrame, column: str, members: pd.DataFrame) -> pd.DataFrame:
    members = members.rename(columns={"first_copy": column, "item": "copy"})
    return pairs.merge(members, on=column).drop(columns=column).rename(columns={"copy": column})


def among_copies(copies: Copies, names: Names, leaders: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every ordered pair of two copies of one text, as the key join would find it (every key shared); with
    `leaders` (Copies.leaders), each copy with its text's leader only."""
    members = copies.members
    repeated = members[members.duplicated("first_copy", keep=False)]
    if leaders is None:
        pairs = repeated.merge(repeated, on="first_copy", suffixes=("", "_other"))
    else:
        leader_of = leaders[["item", "leader"]].rename(columns={"leader": "item_other"})
        pairs = repeated.merge(leader_of, on="item").merge(
            members[["item", "n_keys", "group_id"]].add_suffix("_other"), on="item_other"
        )
    pairs = pairs[pairs["item"] != pairs["item_other"]]
    return pd.DataFrame(
        {
            names.item: pairs["item"].to_numpy(),
            names.other: pairs["item_other"].to_numpy(),
            "shared": pairs["n_rows"].to_numpy().astype("int64"),
            names.n_keys: pairs["n_keys"].to_numpy(),
            f"other_{names.n_keys}": pairs["n_keys_other"].to_numpy(),
            names.same: True,
            f"other_{names.group}": pairs["group_id_other"].to_numpy(),
        }
    )


def found_pairs(con: duckdb.DuckDBPyConnection, names: Names, pairs_sql: str, parameters: dict) -> pd.DataFrame:
    """`pairs_sql` over the pairs of `new_keys` and `other_keys` (views or tables in `con`) that share keys:
    sql/link/shared_keys.sql counts them (with `max_holders` of `parameters`), `pairs_sql` joins each item's
    figures and filters them with the rest."""
    figures = {name: value for name, value in parameters.items() if name != "max_holders"}
    holders = {"max_holders": parameters["max_holders"]}
    con.execute(read_sql("link/shared_keys.sql").format(item=names.item, hash=names.hash), holders)
    try:
        return as_frame(con.execute(read_sql(pairs_sql), figures))
    finally:
        con.execute("DROP TABLE shared_keys")


def pairs_among_new(
    con: duckdb.DuckDBPyConnection,
    copies: Copies,
    names: Names,
    pairs_sql: str,
    parameters: dict,
    order: list[str] | None,
) -> pd.DataFrame:
    """The pairs among a run's new items: `pairs_sql` (over `new_keys` and `other_keys`) on first copies,
    given to every copy (with `order`, a list of ids: to each other text's leader only), with the pairs
    among the copies of one text; `other_is_new` True. Leaves the first copies as the view `new_keys`."""
    con.execute("CREATE OR REPLACE TEMP VIEW new_keys AS SELECT * FROM firsts")
    con.execute("CREATE OR REPLACE TEMP VIEW other_keys AS SELECT * FROM firsts")
    found = found_pairs(con, names, pairs_sql, parameters)
    leaders = copies.leaders(order) if order is not None else None
    frames = [to_every_copy(found, copies, names, True, leaders), among_copies(copies, names, leaders)]
    return pd.concat([frame.assign(other_is_new=True) for frame in frames], ignore_index=True)


def pairs_with_stored(
    con: duckdb.DuckDBPyConnection,
    copies: Copies,
    names: Names,
    pairs_sql: str,
    parameters: dict,
    stored: pa.Table,
    worth_giving: Callable[[pd.DataFrame], pd.DataFrame],
) -> pd.DataFrame:
    """The pairs of a run's new items (first copies, DuckDB's view `new_keys`) with the `stored` key rows,
    given to every copy; `other_is_new` False.

    Only the pairs `worth_giving` keeps (those that can change what is decided: see stories.py and
    quotes.py) are given to the copies. Given all, a text stored k times and arriving m times made k * m
    pairs: 3,000 copies of one page into a warehouse holding 3,000 took 130 s and 24 GB."""
    con.execute("DROP VIEW IF EXISTS other_keys")
    # A table, not the registered Arrow table: DuckDB estimates an Arrow scan at ~1 row and planned the key
    # join and count for that; 100,000 files copied into a warehouse holding them (3.7 M stored rows found)
    # then failed at the run's 512 MB cap, and counted from a table they took 2.5 s within it.
    con.register("stored_rows", stored)
    con.execute("CREATE TEMP TABLE other_keys AS SELECT * FROM stored_rows")
    con.unregister("stored_rows")
    try:
        found = found_pairs(con, names, pairs_sql, parameters)
    finally:
        con.execute("DROP TABLE other_keys")
    return to_every_copy(worth_giving(found), copies, names, both_sides=False).assign(other_is_new=False)


def stored_roots(found: pd.DataFrame, names: Names) -> np.ndarray:
    """Whether each pair's stored item is its group's root (its group id is the hash of its own id): only a
    root can take a new item into its group (roots.py)."""
    others = found[names.other].unique()
    root_group = pd.Series([group_id_of(other) for other in others], index=others)
    return found[f"other_{names.group}"].to_numpy() == root_group.reindex(found[names.other]).to_numpy()

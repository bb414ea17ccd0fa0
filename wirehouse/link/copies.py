"""Exact copies pair through their first copy: the key join runs once per text, not once per copy.

A run's new items (articles, quotes) with the same hash (`body_hash`, `text_hash`: the same words in the same
order) have the same keys, so the pairs the key join finds for one copy are every copy's pairs, with the same
figures. The join runs on the first copy of each hash (the smallest id) only; its pairs are then given to every
copy, and the pairs among the copies of one hash are added (the same text: every key shared). The pairs that
come out are exactly those of the join over every item (pinned in tests/test_link_copies.py), but the join
no longer grows with the square of the copies: a key held by k copies made k * k rows, and the 100,000 bench
files hold each text about 43 times (a wire story carried by many outlets word for word is no rarer).
"""

from dataclasses import dataclass

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from wirehouse.schema import read_sql


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


@dataclass(frozen=True)
class Copies:
    """A run's key rows cut down to one copy per hash, and every item with its hash's first copy."""

    firsts: pa.Table  # the key rows of the first copy of each hash
    members: pd.DataFrame  # item, first_copy, n_keys, n_rows (its key rows), group_id: one row per new item


def first_copies(keys: pa.Table, names: Names) -> Copies:
    columns = [names.item, names.hash, names.n_keys, names.group]
    items = keys.select(columns).rename_columns(["item", "hash", "n_keys", "group_id"])
    con = duckdb.connect(":memory:")
    try:
        con.register("items", items)
        members = con.execute(read_sql("link/first_copies.sql")).df()
    finally:
        con.close()
    firsts = pa.array(members.loc[members["item"] == members["first_copy"], "item"], pa.string())
    item_column = keys[names.item].cast(pa.string())
    return Copies(keys.filter(pc.is_in(item_column, value_set=firsts)), members)


def to_every_copy(pairs: pd.DataFrame, copies: Copies, names: Names, both_sides: bool) -> pd.DataFrame:
    """Pairs found for first copies, given to every copy of the item (and of the other item: both_sides)."""
    sides = [(names.item, "item")] + ([(names.other, "other")] if both_sides else [])
    for column, side in sides:
        members = copies.members[["first_copy", "item"]].rename(columns={"first_copy": column, "item": side})
        pairs = pairs.merge(members, on=column).drop(columns=column).rename(columns={side: column})
    return pairs


def among_copies(copies: Copies, names: Names) -> pd.DataFrame:
    """Every ordered pair of two copies of one hash, as the key join would find it: every key shared."""
    members = copies.members
    repeated = members[members.duplicated("first_copy", keep=False)]
    pairs = repeated.merge(repeated, on="first_copy", suffixes=("", "_other"))
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

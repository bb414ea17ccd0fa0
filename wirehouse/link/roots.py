"""Grouping without chaining, shared by stories and quote clusters: every member matched the group's root.

Items are taken in order (earliest first; stored items came before the run's). An item joins the group of
the most similar verified candidate that is a group's root (its group id is the hash of its own id), or
founds its own group. A member never recruits: if B matched root A and C matches only B, C founds its own
group, so A~B~C never puts A and C together while they are unlike each other.
"""

import hashlib
from dataclasses import dataclass

import numpy as np
import pandas as pd


def group_id_of(item_id: str) -> str:
    """The id of the group an item founds: md5 of its id, 16 hex digits (SQL: substr(md5(id), 1, 16))."""
    return hashlib.md5(item_id.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Pairs:
    """Column names of a verified-pairs frame: the new item, the other item, the other's stored group."""

    item: str
    other: str
    other_group: str


def join_roots(order: list[str], verified: pd.DataFrame, names: Pairs) -> tuple[dict[str, str], pd.DataFrame]:
    """Each new item's group id, and the verified pairs towards items before it (best first per item).

    `verified` holds the pairs already ranked, best first; `other_is_new` marks others from this run, whose
    group is the one decided here (stored others carry theirs in `names.other_group`).

    Positions are looked up with one pandas Index and each item's candidates are a slice of arrays sorted by
    item (stable, so best first within it): a dict of tuples per pair cost ~8 s for the 1.2 M quote pairs of
    the 100,000 bench files. tests/test_link_roots.py pins it to the plain loop over the pairs.
    """
    positions = pd.Index(order)
    item_position = positions.get_indexer(verified[names.item])
    other_new = verified["other_is_new"].to_numpy(dtype=bool)
    other_position = np.where(other_new, positions.get_indexer(verified[names.other]), -1)  # -1: stored
    earlier = ~other_new | ((other_position >= 0) & (other_position < item_position))
    verified, item_position, other_position = verified[earlier], item_position[earlier], other_position[earlier]
    by_item = np.argsort(item_position, kind="stable")
    starts = np.searchsorted(item_position[by_item], np.arange(len(order) + 1)).tolist()
    others = verified[names.other].to_numpy()[by_item].tolist()
    other_groups = verified[names.other_group].to_numpy()[by_item].tolist()
    other_positions = other_position[by_item].tolist()
    own = [group_id_of(item) for item in order]
    group_of: list[str] = []
    for number in range(len(order)):
        group = own[number]
        for j in range(starts[number], starts[number + 1]):
            other = other_positions[j]
            if other >= 0:  # new: a root if it kept the group it founded
                if group_of[other] == own[other]:
                    group = own[other]
                    break
            elif other_groups[j] == group_id_of(others[j]):  # stored: a root if its group is its own
                group = other_groups[j]
                break
        group_of.append(group)
    return dict(zip(order, group_of, strict=True)), verified

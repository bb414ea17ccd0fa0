"""Grouping without chaining, shared by stories and quote clusters: every member matched the group's root.

Items are taken in order (earliest first; stored items came before the run's). An item joins the group of
the most similar verified candidate that is a group's root (its group id is the hash of its own id), or
founds its own group. A member never recruits: if B matched root A and C matches only B, C founds its own
group, so A~B~C never puts A and C together while they are unlike each other.
"""

import hashlib
from dataclasses import dataclass

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
    """
    position = {item: number for number, item in enumerate(order)}
    other_position = verified[names.other].map(position)
    earlier = ~verified["other_is_new"].astype(bool) | (other_position < verified[names.item].map(position))
    verified = verified[earlier.to_numpy()]
    by_item: dict[str, list[tuple[str, str | None, bool]]] = {}
    for item, other, other_group, other_new in zip(
        verified[names.item].tolist(),
        verified[names.other].tolist(),
        verified[names.other_group].tolist(),
        verified["other_is_new"].tolist(),
        strict=True,
    ):
        by_item.setdefault(item, []).append((other, other_group, other_new))
    group_of: dict[str, str] = {}
    for item in order:
        group = group_id_of(item)
        for other, other_group, other_new in by_item.get(item, ()):
            if (group_of[other] if other_new else other_group) == group_id_of(other):  # the other is a root
                group = group_id_of(other)
                break
        group_of[item] = group
    return group_of, verified

"""Grouping by roots (wirehouse/link/roots.py): the vectorised join_roots decides as the plain loop does."""

import pandas as pd

from tests.test_link_copies import story_corpus  # noqa: F401 (a fixture)
from wirehouse.link.roots import Pairs, group_id_of, join_roots
from wirehouse.link.stories import candidate_pairs, verify

STORY = Pairs("article_id", "other_article_id", "other_story_id")


def plain_join_roots(order: list[str], verified: pd.DataFrame, names: Pairs) -> tuple[dict[str, str], pd.DataFrame]:
    """The rule, one pair at a time: an item joins the group of its best earlier candidate that is a root."""
    position = {item: number for number, item in enumerate(order)}
    other_position = verified[names.other].map(position)
    earlier = ~verified["other_is_new"].astype(bool) | (other_position < verified[names.item].map(position))
    verified = verified[earlier.to_numpy()]
    by_item: dict[str, list[tuple[str, str | None, bool]]] = {}
    for item, other, other_group, other_new in zip(
        verified[names.item], verified[names.other], verified[names.other_group], verified["other_is_new"], strict=True
    ):
        by_item.setdefault(item, []).append((other, other_group, other_new))
    group_of: dict[str, str] = {}
    for item in order:
        group = group_id_of(item)
        for other, other_group, other_new in by_item.get(item, ()):
            if (group_of[other] if other_new else other_group) == group_id_of(other):
                group = group_id_of(other)
                break
        group_of[item] = group
    return group_of, verified


def ranked_story_pairs(stored, new_keys) -> pd.DataFrame:
    pairs = verify(candidate_pairs(new_keys, stored, [], one_tier=True))
    return pairs.sort_values(
        ["article_id", "same_body", "similarity", "other_article_id"], ascending=[True, False, False, True]
    )


def test_join_roots_decides_as_the_plain_loop_on_real_copies_and_rewrites(story_corpus):  # noqa: F811
    stored, new_keys = story_corpus
    ranked = ranked_story_pairs(stored, new_keys)
    stored_other = ~ranked["other_is_new"]  # every other stored article founded its story, the rest joined one
    founded = ranked["other_article_id"].map(lambda item: int(group_id_of(item), 16) % 3 > 0)
    ranked.loc[stored_other, "other_story_id"] = ranked.loc[stored_other, "other_article_id"].map(group_id_of)
    ranked.loc[stored_other & ~founded, "other_story_id"] = "a-story-founded-by-another"
    order = sorted(set(new_keys["article_id"].to_pylist()), key=lambda item: (len(item), item))
    groups, kept = join_roots(order, ranked, STORY)
    plain_groups, plain_kept = plain_join_roots(order, ranked, STORY)
    assert groups == plain_groups
    pd.testing.assert_frame_equal(kept, plain_kept)
    joined = sum(group != group_id_of(item) for item, group in groups.items())
    to_stored = set(groups.values()) & set(ranked.loc[stored_other, "other_story_id"])
    assert joined > 60 and len(to_stored) > 20  # copies joined new roots and stored ones


def test_an_item_missing_from_the_order_and_a_member_never_recruit():
    ranked = pd.DataFrame(
        {
            "article_id": ["b", "c", "c", "x"],
            "other_article_id": ["a", "b", "s", "a"],
            "other_story_id": [None, None, "not-its-own", None],
            "other_is_new": [True, True, False, True],
        }
    )
    order = ["a", "b", "c"]
    groups, kept = join_roots(order, ranked, STORY)
    assert groups == plain_join_roots(order, ranked, STORY)[0]
    assert groups == {"a": group_id_of("a"), "b": group_id_of("a"), "c": group_id_of("c")}
    assert kept["article_id"].tolist() == ["b", "c", "c"]

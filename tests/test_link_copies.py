"""Copies pair through their first copy (wirehouse/link/copies.py): the pairs are exactly the plain key join's."""

import duckdb
import pandas as pd
import pytest

from tests.test_stories_index import bodies, variants, write_index
from wirehouse.link import quotes as quote_links
from wirehouse.link.copies import QUOTE, STORY, Names, first_copies, found_pairs
from wirehouse.link.index import StoredIndex
from wirehouse.link.roots import group_id_of
from wirehouse.link.shingles import story_keys
from wirehouse.link.stories import MAX_KEY_ARTICLES, assign_stories, candidate_pairs, verify
from wirehouse.scratch import scratch_db
from wirehouse.store.parquet import to_arrow, write_part


def plain_join(sql: str, new_keys, other_keys, parameters: dict) -> pd.DataFrame:
    """The reference: the pairs SQL over every key row, copies and all."""
    con = duckdb.connect(":memory:")
    try:
        con.register("new_keys", new_keys)
        con.register("other_keys", other_keys)
        return found_pairs(con, STORY if "story" in sql else QUOTE, sql, parameters)
    finally:
        con.close()


def counted_pairs(names: Names, new_keys, other_keys, parameters: dict) -> pd.DataFrame:
    """The pairs SQL's definition in pandas: shared keys counted per pair of items, each item's figures
    beside them, kept when the texts are the same or the shared keys pass the threshold. With
    `max_holders`, a pair must share a key held by at most that many of the other side's items."""
    new, other = new_keys.to_pandas(), other_keys.to_pandas()
    joined = new.merge(other, on="key", suffixes=("", "_other"))
    joined = joined[joined[names.item] != joined[f"{names.item}_other"]]
    most = parameters.get("max_holders")
    if most is not None:
        held = other.groupby("key")[names.hash].nunique()  # copies of one text hold a key once
        joined = joined.assign(rare=joined["key"].map(held).to_numpy() <= most)
        with_rare = joined.groupby([names.item, f"{names.item}_other"])["rare"].transform("any")
        joined = joined[with_rare.to_numpy()]
    group = f"{names.group}_other" if f"{names.group}_other" in joined else names.group
    pairs = joined.groupby([names.item, f"{names.item}_other"], as_index=False).agg(
        shared=("key", "size"),
        n=(names.n_keys, "first"),
        other_n=(f"{names.n_keys}_other", "first"),
        hash=(names.hash, "first"),
        other_hash=(f"{names.hash}_other", "first"),
        other_group=(group, "first"),
    )
    same = pairs["hash"] == pairs["other_hash"]
    smaller = pairs[["n", "other_n"]].min(axis=1)
    if names is STORY:
        passes = (pairs["shared"] >= parameters["min_shared"]) & (
            pairs["shared"] / smaller.clip(lower=1) >= parameters["min_containment"]
        )
    else:
        passes = (smaller > 0) & (pairs["shared"] >= parameters["min_shared_windows"] * smaller)
    kept = pairs[same | passes]
    return pd.DataFrame(
        {
            names.item: kept[names.item],
            names.other: kept[f"{names.item}_other"],
            "shared": kept["shared"],
            names.n_keys: kept["n"],
            f"other_{names.n_keys}": kept["other_n"],
            names.same: (same[same | passes]),
            f"other_{names.group}": kept["other_group"],
        }
    )


def first_rows(new_keys, names) -> int:
    """The key rows the pairs SQL joins: those of the first copies."""
    con = scratch_db()
    try:
        return first_copies(con, new_keys, names).n_first_rows
    finally:
        con.close()


def rows(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return sorted(map(tuple, frame[columns].astype(object).where(frame[columns].notna(), None).to_numpy()))


def with_copies(texts: dict[str, str], times: int) -> dict[str, str]:
    """Every text carried word for word by `times` outlets, each copy under its own id."""
    return texts | {f"{item}-copy{n}": text for item, text in texts.items() for n in range(1, times)}


STORY_COLUMNS = ["article_id", "other_article_id", "shared", "n_keys", "other_n_keys", "same_body", "other_story_id"]
STORY_THRESHOLDS = {"min_shared": 2, "min_containment": 0.3, "max_holders": MAX_KEY_ARTICLES}


@pytest.fixture(scope="module")
def story_corpus(shared_dir, tmp_path_factory):
    """Stored: 60 politics articles, three copies of the first ten. New: wire cuts of them, each carried 1-4
    times, 20 tech articles carried 3 times, and copies of stored bodies under new ids."""
    folder = tmp_path_factory.mktemp("copies")
    politics = bodies(shared_dir, "politics", 60)
    stored = politics | with_copies(dict(list(politics.items())[:10]), 3)
    keys = story_keys(list(stored), list(stored.values()))
    keys["story_id"] = keys["article_id"].astype(object)
    write_index(keys, folder, "run-0")
    new = {f"{item}-{n}": text for n, (item, text) in enumerate(variants(politics).items()) for _ in range(n % 4 + 1)}
    new |= with_copies(bodies(shared_dir, "tech", 20), 3) | {f"again-{a}": b for a, b in list(politics.items())[:5]}
    new_keys = to_arrow("story_keys", story_keys(list(new), list(new.values())))
    return StoredIndex.of(folder), new_keys


def test_the_copies_of_a_run_are_found_once_and_paired_as_the_plain_join_pairs_them(story_corpus):
    stored, new_keys = story_corpus
    assert first_rows(new_keys, STORY) < new_keys.num_rows / 2  # the join really runs on fewer rows
    found = candidate_pairs(new_keys, stored, [], one_tier=True)
    within = plain_join("link/story_pairs.sql", new_keys, new_keys, STORY_THRESHOLDS)
    assert rows(within, STORY_COLUMNS) == rows(
        counted_pairs(STORY, new_keys, new_keys, STORY_THRESHOLDS), STORY_COLUMNS
    )
    assert within["same_body"].sum() > 100  # copies paired with copies are in the test
    assert rows(found[found["other_is_new"]], STORY_COLUMNS) == rows(within, STORY_COLUMNS)
    stored_rows = to_arrow("story_keys", pd.read_parquet(stored.fine[0]))
    with_stored = plain_join("link/story_pairs.sql", new_keys, stored_rows, STORY_THRESHOLDS)
    assert with_stored["same_body"].sum() >= 5  # stored copies of new bodies
    assert rows(with_stored, STORY_COLUMNS) == rows(
        counted_pairs(STORY, new_keys, stored_rows, STORY_THRESHOLDS), STORY_COLUMNS
    )
    assert rows(found[~found["other_is_new"]], STORY_COLUMNS) == rows(with_stored, STORY_COLUMNS)


QUOTE_COLUMNS = ["quote_id", "other_quote_id", "shared", "n_windows", "other_n_windows", "same_text"]


def quote_rows(texts: dict[str, str]) -> pd.DataFrame:
    quotes = pd.DataFrame(
        {"quote_id": list(texts), "article_id": [q.split("#")[0] for q in texts], "text": list(texts.values())}
    )
    return quote_links.quote_keys(quotes.assign(kind="direct"))


@pytest.fixture()
def quote_corpus(shared_dir, tmp_path):
    """Sentences of 40 business articles as quotes: each carried 3 times, a third also cut to half; a quarter
    of them stored already (in another run's quote_keys part)."""
    sentences = {}
    for article_id, body in bodies(shared_dir, "business", 40).items():
        for number, sentence in enumerate(body.replace("\n", " ").split(". ")[:6]):
            sentences[f"{article_id}#{number}"] = sentence
    halves = {f"{q}-half": " ".join(t.split()[: len(t.split()) // 2 + 4]) for q, t in list(sentences.items())[::3]}
    new = with_copies(sentences, 3) | halves
    stored = {f"old-{q}": t for q, t in list(sentences.items())[::4]}
    new_keys = to_arrow("quote_keys", quote_rows(new))
    stored_keys = quote_rows(stored).assign(cluster_id=lambda f: f["quote_id"].map(group_id_of))  # roots
    write_part(to_arrow("quote_keys", stored_keys), tmp_path / "quote_keys" / "run-0.parquet")
    return new_keys, stored_keys, [str(tmp_path / "quote_keys" / "run-0.parquet")]


def test_quote_copies_pair_as_the_plain_join_pairs_them(quote_corpus):
    new_keys, stored_keys, stored_parts = quote_corpus
    assert first_rows(new_keys, QUOTE) < new_keys.num_rows / 2
    found = quote_links.candidate_pairs(new_keys, stored_parts, [])
    threshold = {"min_shared_windows": quote_links.MIN_SHARED_WINDOWS, "max_holders": quote_links.MAX_KEY_QUOTES}
    within = plain_join("link/quote_pairs.sql", new_keys, new_keys, threshold)
    assert rows(within, QUOTE_COLUMNS) == rows(counted_pairs(QUOTE, new_keys, new_keys, threshold), QUOTE_COLUMNS)
    assert within["same_text"].sum() > 100 and (~within["same_text"]).sum() > 20  # copies and halves
    assert rows(found[found["other_is_new"]], QUOTE_COLUMNS) == rows(within, QUOTE_COLUMNS)
    with_stored = plain_join("link/quote_pairs.sql", new_keys, to_arrow("quote_keys", stored_keys), threshold)
    assert len(with_stored) > 30
    stored_table = to_arrow("quote_keys", stored_keys)
    assert rows(with_stored, [*QUOTE_COLUMNS, "other_cluster_id"]) == rows(
        counted_pairs(QUOTE, new_keys, stored_table, threshold), [*QUOTE_COLUMNS, "other_cluster_id"]
    )
    columns = [*QUOTE_COLUMNS, "other_cluster_id"]
    assert rows(found[~found["other_is_new"]], columns) == rows(with_stored, columns)


def test_pairing_copies_with_leaders_only_decides_the_same_clusters(quote_corpus):
    """Copies take their text's leader, which is the first copy in the order the quotes are taken in, not
    the smallest id: the order here is shuffled (by a hash of the id), so leaders and smallest ids differ."""
    new_keys, _, stored_parts = quote_corpus
    order = sorted(set(new_keys["quote_id"].to_pylist()), key=group_id_of)
    every_pair = quote_links.candidate_pairs(new_keys, stored_parts, [])
    leaders_only = quote_links.candidate_pairs(new_keys, stored_parts, [], order)
    assert len(leaders_only) < len(every_pair) / 2
    clusters = quote_links.cluster_quotes(order, leaders_only).cluster_of
    assert clusters == quote_links.cluster_quotes(order, every_pair).cluster_of
    founders = set(clusters.values())
    assert sum(c != group_id_of(q) for q, c in clusters.items()) > 200  # copies and halves joined a cluster
    assert len(founders & set(stored_parts_clusters(stored_parts))) > 10  # some joined a stored cluster


def stored_parts_clusters(stored_parts: list[str]) -> list[str]:
    return pd.read_parquet(stored_parts)["cluster_id"].tolist()


def test_story_copies_link_to_their_body_s_leader_and_decide_the_same_stories(story_corpus):
    """With the run's order, a copy is paired with the first copy of each body in that order (its leader) only:
    the stories are those of every pair, and a copy's duplicate link among the new articles is to its leader
    alone (the order is shuffled by a hash of the id, so leaders are not the smallest ids)."""
    stored, new_keys = story_corpus
    order = sorted(set(new_keys["article_id"].to_pylist()), key=group_id_of)
    every_pair = verify(candidate_pairs(new_keys, stored, [], one_tier=True))
    leaders_only = verify(candidate_pairs(new_keys, stored, [], one_tier=True, order=order))
    assert len(leaders_only) < len(every_pair)
    linked = assign_stories(order, leaders_only)
    assert linked.story_of == assign_stories(order, every_pair).story_of
    assert sum(s != group_id_of(a) for a, s in linked.story_of.items()) > 40  # copies and cuts joined stories

    position = {article_id: n for n, article_id in enumerate(order)}
    new_ids = set(order)
    duplicates = linked.links[
        (linked.links["relation"] == "duplicate") & linked.links["other_article_id"].isin(new_ids)
    ]
    assert len(duplicates) == 40  # the 20 tech bodies carried 3 times: 2 later copies each
    assert duplicates["article_id"].is_unique  # one duplicate link per copy among the new: to its leader
    body = dict(zip(new_keys["article_id"].to_pylist(), new_keys["body_hash"].to_pylist(), strict=True))
    for article_id, leader in duplicates[["article_id", "other_article_id"]].itertuples(index=False):
        copies = [a for a in order if body[a] == body[article_id]]
        assert leader == min(copies, key=position.__getitem__) != article_id


def test_key_rows_read_from_parts_pair_as_the_same_rows_in_memory(story_corpus, quote_corpus, tmp_path):
    """The link step hands DuckDB the run's staged parts (the keys never become Arrow tables in Python): the
    pairs are the same as from the rows given as one table."""
    stored, new_keys = story_corpus
    story_parts = write_slices(new_keys, tmp_path / "story_keys")
    found = candidate_pairs(story_parts, stored, [], one_tier=True)
    assert len(found) > 100
    assert rows(found, STORY_COLUMNS) == rows(candidate_pairs(new_keys, stored, [], one_tier=True), STORY_COLUMNS)
    quote_keys, _, stored_parts = quote_corpus
    quote_parts = write_slices(quote_keys, tmp_path / "quote_keys")
    found = quote_links.candidate_pairs(quote_parts, stored_parts, [])
    assert len(found) > 100
    assert rows(found, QUOTE_COLUMNS) == rows(quote_links.candidate_pairs(quote_keys, stored_parts, []), QUOTE_COLUMNS)


def write_slices(table, folder, n_parts: int = 3) -> list:
    """`table` as n_parts Parquet parts, as the run's batches write them."""
    size = -(-table.num_rows // n_parts)
    return [write_part(table.slice(n * size, size), folder / f"part-{n}.parquet") for n in range(n_parts)]

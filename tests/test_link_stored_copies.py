"""A text stored many times and arriving many times again stays linear: only the stored pairs that can change
a decision (a group's root, a story's best MAX_LINKS) are given to the new copies, and the stories, links and
clusters come out as they do from every pair (wirehouse/link/copies.py, pairs_with_stored)."""

import pandas as pd
import pytest

from tests.test_link_copies import QUOTE_COLUMNS, STORY_COLUMNS, counted_pairs, quote_rows, rows, with_copies
from tests.test_stories_index import bodies, variants, write_index
from wirehouse.link import quotes as quote_links
from wirehouse.link import stories as story_links
from wirehouse.link.index import StoredIndex
from wirehouse.link.roots import group_id_of
from wirehouse.link.shingles import story_keys
from wirehouse.link.stories import MAX_LINKS, assign_stories, candidate_pairs, verify
from wirehouse.store.parquet import to_arrow, write_part

STORED_TIMES, NEW_TIMES = 120, 80  # one page stored 120 times, carried 80 times more


def stored_as_one_story(texts: dict[str, str], times: int) -> dict[str, tuple[str, str]]:
    """Each text stored `times` times (ids `<id>-stored-<n>`), every copy in the story its first copy founded."""
    stored = {}
    for item, text in texts.items():
        root = f"{item}-stored-000"
        for n in range(times):
            stored[f"{item}-stored-{n:03d}"] = (text, group_id_of(root))
    return stored


@pytest.fixture()
def story_copies(shared_dir, tmp_path):
    politics = bodies(shared_dir, "politics", 6)
    first, second, *rest = politics.items()
    stored = stored_as_one_story(dict([first]), STORED_TIMES) | stored_as_one_story(dict([second]), 30)
    stored |= {item: (text, group_id_of(item)) for item, text in rest}  # four stories of one article each
    keys = story_keys(list(stored), [text for text, _ in stored.values()])
    keys["story_id"] = keys["article_id"].map({item: story for item, (_, story) in stored.items()})
    write_index(keys, tmp_path, "run-0")
    new = with_copies(dict([first]), NEW_TIMES) | with_copies(dict([second]), 5)
    new |= {f"cut-{item}": "\n\n".join(text.split("\n\n")[:2]) for item, text in rest}
    order = sorted(new, key=group_id_of)  # not the ids' order: leaders differ from the smallest ids
    new_keys = to_arrow("story_keys", story_keys(list(new), list(new.values())))
    return StoredIndex.of(tmp_path), new_keys, order, group_id_of(f"{first[0]}-stored-000")


def every_pair(found: pd.DataFrame) -> pd.DataFrame:
    return found


@pytest.mark.parametrize("max_holders", [1000, 10])
def test_new_copies_of_a_page_stored_many_times_get_the_same_stories_and_links(story_copies, monkeypatch, max_holders):
    """Also with fewer allowed holders of a key than the page's stored copies (10 of 120): copies of one body
    hold its keys once, so the page's keys are not boilerplate."""
    monkeypatch.setattr(story_links, "MAX_KEY_ARTICLES", max_holders)
    stored, new_keys, order, first_story = story_copies
    trimmed = candidate_pairs(new_keys, stored, [], order=order)
    monkeypatch.setattr(story_links, "_worth_giving", every_pair)
    everything = candidate_pairs(new_keys, stored, [], order=order)
    with_stored = ~everything["other_is_new"]
    assert with_stored.sum() >= NEW_TIMES * STORED_TIMES  # k * m pairs when every pair is given
    assert (~trimmed["other_is_new"]).sum() <= len(order) * (MAX_LINKS + 4)  # linear in the new copies
    linked, reference = assign_stories(order, verify(trimmed)), assign_stories(order, verify(everything))
    assert linked.story_of == reference.story_of
    columns = ["article_id", "other_article_id", "relation", "similarity"]
    links, reference_links = (
        sorted(map(tuple, frame[columns].to_numpy())) for frame in (linked.links, reference.links)
    )
    assert links == reference_links
    joined = [a for a, story in linked.story_of.items() if story != group_id_of(a)]
    assert len(joined) == len(order)  # every new article joined a stored story ...
    assert sum(story == first_story for story in linked.story_of.values()) == NEW_TIMES  # ... its own page's
    assert linked.links.groupby("article_id").size().max() == MAX_LINKS


@pytest.mark.parametrize("max_holders", [1000, 10])
def test_new_copies_of_a_quote_stored_many_times_get_the_same_clusters(shared_dir, tmp_path, monkeypatch, max_holders):
    monkeypatch.setattr(quote_links, "MAX_KEY_QUOTES", max_holders)
    sentences = {}
    for article_id, body in bodies(shared_dir, "business", 10).items():
        for number, sentence in enumerate(body.replace("\n", " ").split(". ")[:3]):
            sentences[f"{article_id}#{number}"] = sentence
    first = dict(list(sentences.items())[:5])
    stored = {f"old-{q}": (t, group_id_of(f"old-{q}")) for q, t in sentences.items()}  # roots, one copy each
    for quote_id, text in first.items():  # and five texts stored 60 more times in their root's cluster
        stored |= {f"old{n}-{quote_id}": (text, group_id_of(f"old-{quote_id}")) for n in range(60)}
    stored_keys = quote_rows({q: t for q, (t, _) in stored.items()})
    stored_keys["cluster_id"] = stored_keys["quote_id"].map({q: c for q, (_, c) in stored.items()})
    part = tmp_path / "quote_keys" / "run-0.parquet"
    write_part(to_arrow("quote_keys", stored_keys), part)
    new_keys = to_arrow("quote_keys", quote_rows(with_copies(first, 40)))
    order = sorted(set(new_keys["quote_id"].to_pylist()), key=group_id_of)
    trimmed = quote_links.candidate_pairs(new_keys, [str(part)], [], order)
    monkeypatch.setattr(quote_links, "_worth_giving", every_pair)
    everything = quote_links.candidate_pairs(new_keys, [str(part)], [], order)
    assert (~everything["other_is_new"]).sum() >= 200 * 61
    assert (~trimmed["other_is_new"]).sum() <= 200 * 2
    clusters = quote_links.cluster_quotes(order, trimmed).cluster_of
    assert clusters == quote_links.cluster_quotes(order, everything).cluster_of
    assert clusters == {q: group_id_of(f"old-{q.split('-copy')[0]}") for q in clusters}  # the stored roots' clusters


FOOTER = (
    "Example Daily is committed to independent journalism. Our reporters cover politics, business and culture "
    "across the region every day, and our editors check every story before it is published. Readers can reach "
    "the newsroom at any hour with tips, corrections and questions about our coverage."
)


def test_a_footer_under_every_article_makes_no_pair_and_still_counts_in_real_ones(shared_dir, tmp_path, monkeypatch):
    """A site's footer is boilerplate once more than MAX_KEY_ARTICLES articles hold a key of it (10 here; 16 of
    the short items also share the footer's smallest shingle, a key of their own): it pairs nobody (its k
    holders made k * k rows), while the cuts found through other keys still count its keys."""
    monkeypatch.setattr(story_links, "MAX_KEY_ARTICLES", 10)
    politics = bodies(shared_dir, "politics", 60)
    new = {item: f"{body}\n\n{FOOTER}" for item, body in (politics | variants(politics)).items()}
    new |= {f"short-{n}": f"Brief item number {n}.\n\n{FOOTER}" for n in range(20)}  # nearly all footer
    keys = to_arrow("story_keys", story_keys(list(new), list(new.values())))
    found = candidate_pairs(keys, StoredIndex([], []), [])
    thresholds = {"min_shared": 2, "min_containment": 0.3, "max_holders": 10}
    assert rows(found, STORY_COLUMNS) == rows(counted_pairs(story_links.STORY, keys, keys, thresholds), STORY_COLUMNS)
    every = counted_pairs(story_links.STORY, keys, keys, {"min_shared": 2, "min_containment": 0.3})
    short = every["article_id"].str.startswith("short-") & every["other_article_id"].str.startswith("short-")
    assert short.sum() == 20 * 19  # the footer alone would pair every short item with every other
    assert not found["article_id"].str.startswith("short-").any()  # as boilerplate it pairs nobody
    cuts = found[found["article_id"].str.startswith(("cut-", "drop-"))]
    assert len(cuts) >= 35  # the wire cuts still find their originals ...
    pair = ["article_id", "other_article_id"]
    with_footer = every.set_index(pair)["shared"]
    assert (cuts.set_index(pair)["shared"] == with_footer.reindex(cuts.set_index(pair).index)).all()  # ... counting
    assert (cuts["shared"] > 6).all()  # the footer's 6 keys among them


def test_a_stock_phrase_in_many_quotes_clusters_nobody(shared_dir, monkeypatch):
    """Forty companies' spokesmen each 'do not comment on market rumours or speculation' about their own deal:
    once more than MAX_KEY_QUOTES quotes (10 here) hold its windows the phrase pairs nobody, while a quote and
    its half still do, their shared windows counted in full."""
    monkeypatch.setattr(quote_links, "MAX_KEY_QUOTES", 10)
    stock = "We do not comment on market rumours or speculation about"
    deals = {f"co{n}#0": f"{stock} the {word} deal" for n, word in enumerate(bodies(shared_dir, "tech", 40))}
    sentences = {}
    for article_id, body in bodies(shared_dir, "business", 10).items():
        sentences[f"{article_id}#1"] = body.replace("\n", " ").split(". ")[1]
    halves = {f"{q}-half": " ".join(t.split()[: len(t.split()) // 2 + 4]) for q, t in sentences.items()}
    keys = to_arrow("quote_keys", quote_rows(deals | sentences | halves))
    found = quote_links.candidate_pairs(keys, [], [])
    threshold = {"min_shared_windows": quote_links.MIN_SHARED_WINDOWS, "max_holders": 10}
    assert rows(found, QUOTE_COLUMNS) == rows(counted_pairs(quote_links.QUOTE, keys, keys, threshold), QUOTE_COLUMNS)
    every = counted_pairs(quote_links.QUOTE, keys, keys, {"min_shared_windows": quote_links.MIN_SHARED_WINDOWS})
    assert every["quote_id"].str.startswith("co").sum() == 40 * 39  # the phrase alone pairs every two deals
    assert not found["quote_id"].str.startswith("co").any()
    assert len(found) >= 2 * 9  # quotes and their halves, both ways

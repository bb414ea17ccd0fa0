"""Stories: syndicated copies and rewrites share a story, unrelated articles never do, and no chaining."""

import re
import shutil

import pytest

from tests.conftest import query
from wirehouse.clean.parse import parse_article
from wirehouse.link.index import StoredIndex
from wirehouse.link.roots import group_id_of
from wirehouse.link.shingles import body_shingles, story_keys
from wirehouse.link.stories import assign_stories, candidate_pairs, verify
from wirehouse.paths import SEEDS_DIR
from wirehouse.store.parquet import to_arrow

A000 = "000_f586c72162ac7c3d"
A001 = "001_468d0ff313ca5494"


def bbc(shared_dir, topic: str, number: int) -> list[str]:
    """Body paragraphs of one BBC article, as the parser cleans them."""
    text = (shared_dir / "corpora" / "bbc" / topic / f"{number:03d}.txt").read_text(encoding="utf-8")
    return parse_article(text).body.split("\n\n")


def link(articles: dict[str, str]):
    """Stories and links for articles (id -> body) given in publication order, as one run."""
    keys = story_keys(list(articles), list(articles.values()))
    return assign_stories(
        list(articles), verify(candidate_pairs(to_arrow("story_keys", keys), StoredIndex([], []), []))
    )


def reference_shingles(body: str) -> list[str]:
    """The plain rule the vectorised hashing implements: lower-cased words, every run of five."""
    words = re.findall(r"[0-9a-z\x80-\U0010ffff]+", re.sub(r"[\u2000-\u203f\u00a0-\u00bf]", " ", body.lower()))
    return [" ".join(words[i : i + 5]) for i in range(len(words) - 4)]


def test_shingle_hashes_follow_the_plain_rule(shared_dir):
    bodies = ["\n\n".join(bbc(shared_dir, "politics", n)) for n in range(1, 41)] + ["Too short.", ""]
    shingles = body_shingles(bodies)
    by_text: dict[str, int] = {}
    for number, body in enumerate(bodies):
        expected = reference_shingles(body)
        hashes = shingles.hashes[shingles.starts[number] : shingles.starts[number + 1]].tolist()
        assert len(hashes) == len(expected)
        for text, value in zip(expected, hashes, strict=True):
            assert by_text.setdefault(text, value) == value  # one 5-gram, one hash, in any article
    assert len(set(by_text.values())) == len(by_text)  # and different 5-grams, different hashes


def test_chunking_the_batch_changes_no_hash(shared_dir, monkeypatch):
    """TEXT_CHUNK_BYTES only bounds the memory of a batch's hashing: every chunk size gives every text the same
    shingles, body hash and word count (a stored key must match one hashed in another batch)."""
    bodies = ["\n\n".join(bbc(shared_dir, "business", n)) for n in range(1, 61)] + ["", "Too short."]
    whole = body_shingles(bodies)
    for chunk_bytes in (1, 5_000, 20_000):  # a chunk per text, two texts per chunk, about eight
        monkeypatch.setattr("wirehouse.settings.TEXT_CHUNK_BYTES", chunk_bytes)
        chunked = body_shingles(bodies)
        for field in ("hashes", "starts", "body_hash", "n_words"):
            assert getattr(chunked, field).tolist() == getattr(whole, field).tolist(), (chunk_bytes, field)


def test_case_punctuation_and_apostrophes_do_not_change_a_body():
    same = body_shingles(
        [
            "Russia’s President said: “We won.” It was—he added—a big win.",
            "russia's president said we won. It was -- he added -- a big win!",
            "Russia's president said we lost. It was, he added, a big win.",
        ]
    )
    assert same.body_hash[0] == same.body_hash[1] != same.body_hash[2]
    assert same.hashes[: same.starts[1]].tolist() == same.hashes[same.starts[1] : same.starts[2]].tolist()


def test_copy_cut_and_rewrite_join_the_original_and_unrelated_news_does_not(shared_dir):
    original = bbc(shared_dir, "politics", 1)
    other = bbc(shared_dir, "business", 1)
    rewrite = [original[0], "Critics called it a stunt before the election.", *original[2:]]
    linked = link(
        {
            "original": "\n\n".join(original),
            "copy": "\n\n".join(original),
            "cut": "\n\n".join(original[:2]),
            "unrelated": "\n\n".join(other),
            "rewrite": "\n\n".join(rewrite),
        }
    )
    story = group_id_of("original")
    assert linked.story_of == {
        "original": story,
        "copy": story,
        "cut": story,
        "unrelated": group_id_of("unrelated"),
        "rewrite": story,
    }
    relations = {(a, b): r for a, b, r in linked.links[["article_id", "other_article_id", "relation"]].to_numpy()}
    assert relations[("copy", "original")] == "duplicate"
    assert relations[("cut", "original")] == "contains"
    assert relations[("rewrite", "original")] == "near_duplicate"
    assert not any("unrelated" in pair for pair in relations)


def test_boilerplate_does_not_make_articles_similar(shared_dir):
    wire = "MOSCOW (Reuters) - {}\n\n{}\n\nReporting by Jane Doe; Editing by John Smith"
    bodies = {}
    for topic in ("tech", "sport", "business", "entertainment"):
        paragraphs = bbc(shared_dir, topic, 7)
        text = "Headline\n\n" + wire.format(paragraphs[0], "\n\n".join(paragraphs[1:3]))
        body = parse_article(text).body
        assert "Reuters" not in body and "Reporting by" not in body
        bodies[topic] = body
    linked = link(bodies)
    assert linked.links.empty
    assert sorted(linked.story_of.values()) == sorted(group_id_of(t) for t in bodies)


def test_no_chaining_a_member_never_recruits(shared_dir):
    a = bbc(shared_dir, "politics", 1)
    b_extra = bbc(shared_dir, "tech", 2)
    c_extra = bbc(shared_dir, "sport", 3)
    linked = link(
        {
            "a": "\n\n".join(a),
            "b": "\n\n".join(a[:3] + b_extra),  # a rewrite of a with much new material
            "c": "\n\n".join(b_extra + c_extra),  # carries b's new material, nothing of a
        }
    )
    pairs = set(map(tuple, linked.links[["article_id", "other_article_id"]].to_numpy()))
    assert ("b", "a") in pairs and ("c", "b") in pairs and ("c", "a") not in pairs
    assert linked.story_of["b"] == linked.story_of["a"] == group_id_of("a")
    assert linked.story_of["c"] == group_id_of("c")  # b matched c, but b is not a root


def test_the_two_seeds_share_one_story(seed_warehouse):
    rows = query(seed_warehouse, "SELECT article_id, story_id FROM articles ORDER BY article_id")
    assert rows == [(A000, group_id_of(A000)), (A001, group_id_of(A000))]
    assert query(seed_warehouse, "SELECT article_id, other_article_id, relation FROM article_links") == [
        (A001, A000, "near_duplicate")
    ]
    story = query(
        seed_warehouse, "SELECT story_id, n_articles, first_published::VARCHAR, representative_article_id FROM stories"
    )
    assert story == [(group_id_of(A000), 2, "2018-03-20", A000)]
    # the root (000) has no headline: the story is titled by the member that has one
    assert query(seed_warehouse, "SELECT title FROM stories") == [("Trump congratulates Putin on election win",)]


@pytest.mark.slow
def test_runs_link_new_articles_to_stored_stories_and_replaced_articles_leave(prefect_harness, tmp_path):
    from wirehouse.flows.news_etl import news_etl

    inbox, warehouse = tmp_path / "inbox", tmp_path / "wh"
    inbox.mkdir()
    for name in (A000, A001):
        shutil.copy(SEEDS_DIR / f"{name}.txt", inbox / f"{name}.txt")
    news_etl(paths=[str(inbox)], warehouse=str(warehouse))
    stored_part = next((warehouse / "parquet" / "story_keys").glob("*.parquet"))
    inode = stored_part.stat().st_ino

    text = (SEEDS_DIR / f"{A000}.txt").read_text(encoding="utf-8")
    credit = "\n\nReporting by Jane Doe in Moscow; Editing by John Smith\n"  # the parser cuts it: same body
    (inbox / "copy.txt").write_text(text.rstrip() + credit, encoding="utf-8")
    news_etl(paths=[str(inbox)], warehouse=str(warehouse))
    story = group_id_of(A000)
    assert query(warehouse, "SELECT article_id, story_id FROM articles ORDER BY 1") == [
        (A000, story),
        (A001, story),
        ("copy", story),
    ]
    assert ("copy", A000, "duplicate") in query(
        warehouse, "SELECT article_id, other_article_id, relation FROM article_links"
    )
    assert (warehouse / "parquet" / "story_keys" / stored_part.name).stat().st_ino == inode  # not rewritten

    (inbox / f"{A001}.txt").write_text("Weather\n\nIt rained in Leeds all day on Monday.\n", encoding="utf-8")
    news_etl(paths=[str(inbox)], warehouse=str(warehouse))
    links = query(warehouse, "SELECT article_id, other_article_id FROM article_links ORDER BY 1")
    assert links == [("copy", A000)]
    assert query(warehouse, "SELECT story_id FROM articles WHERE article_id = ?", [A001]) == [(group_id_of(A001),)]
    assert query(warehouse, "SELECT n_articles FROM stories WHERE story_id = ?", [story]) == [(2,)]

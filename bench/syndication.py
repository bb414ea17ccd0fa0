"""Syndication benchmark: do stories find wire copies and rewrites, and nothing else? How fast is the lookup?

Originals are BBC and Reuters-21578 articles of at least 80 words. The corpora carry their own versions of
some stories (two Reuters items on one Rexnord sale, two BBC items on video-game labels): an article that
shares 20 % of its exact 5-grams with an original already chosen is not taken, so that a link between two
families is a real false positive. Each original gets wire-style variants, generated with a fixed seed (--seed):

    copy      the same text under a new headline, with a dateline and agency line added
    cut       the first half of the paragraphs (a shortened wire copy)
    drop      one or two paragraphs dropped, a paragraph inserted (from a corpus article not used as original)
    reword    a third of the sentences re-worded (words replaced, dropped or swapped), new headline
    rewrite   all of the above at once, paragraphs shuffled after the lead, credit line added

Every file is parsed by the real parser (so boilerplate goes through the real cleaning), keyed by the real
`story_keys`, and linked by the real link code in two runs: the first half of the articles is linked and
stored as Parquet parts, the second half is linked against them (the incremental path). Articles arrive in
publication order: an original first, its variants within the next 30 originals' time. A pair of articles
is predicted together when they share a story_id and truly together when they come from one original.

Then the lookup at scale: a 5,000-article batch of variants against a stored index of --stored articles
(the corpus's real keys, padded with synthetic articles whose keys are random, key counts drawn from the
real ones), timed as the link step does it (candidates + verification + assignment).

    .venv/bin/python bench/syndication.py                       # 1,500 originals, 1,000,000 stored
    .venv/bin/python bench/syndication.py --originals 300 --stored 100000
"""

import argparse
import os
import random
import re
import shutil
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wirehouse.clean.parse import parse_article  # noqa: E402
from wirehouse.link.index import StoredIndex, sample_rows, write_fine_part  # noqa: E402
from wirehouse.link.shingles import LEAD_KEYS, body_shingles, story_keys  # noqa: E402
from wirehouse.link.stories import assign_stories, candidate_pairs, verify  # noqa: E402
from wirehouse.store.parquet import to_arrow, write_part  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
VARIANTS = ("copy", "cut", "drop", "reword", "rewrite")
REPLACEMENTS = {
    "said": "stated",
    "says": "added",
    "would": "could",
    "big": "large",
    "new": "fresh",
    "company": "firm",
    "government": "administration",
    "increase": "rise",
    "buy": "acquire",
}
DATELINES = ("LONDON (Reuters) - ", "NEW YORK (AP) - ", "PARIS, March 3 (AFP) - ", "WASHINGTON - ")


def originals(limit: int, rng: random.Random) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """(title, body paragraphs) of corpus articles of 80+ words, exact duplicates dropped; and a pool of
    paragraphs from other corpus articles, to insert into variants (new material, in no original)."""
    paths = sorted((CORPORA / "bbc").glob("*/*.txt")) + sorted((CORPORA / "reuters21578" / "articles").glob("*.txt"))
    rng.shuffle(paths)
    found: list[tuple[str, list[str]]] = []
    owners: dict[int, list[int]] = {}  # every 5-gram of the chosen originals -> which of them have it
    number = 0
    for number, path in enumerate(paths):  # noqa: B007 (number is used after the loop)
        parsed = parse_article(path.read_text(encoding="utf-8", errors="replace"))
        if len(parsed.body.split()) < 80:
            continue
        grams = set(body_shingles([parsed.body]).hashes.tolist())
        shared = Counter(owner for gram in grams for owner in owners.get(gram, ()))
        if any(count >= 0.2 * len(grams) for count in shared.values()):
            continue  # the corpus's own copy or version of a chosen original (exact 5-grams, not the index)
        for gram in grams:
            owners.setdefault(gram, []).append(len(found))
        found.append((parsed.title or path.stem, parsed.body.split("\n\n")))
        if len(found) == limit:
            break
    pool = []
    for path in paths[number + 1 : number + 1 + 2 * limit]:
        pool += parse_article(path.read_text(encoding="utf-8", errors="replace")).body.split("\n\n")
    pool = [p for p in pool if len(p.split()) >= 12]
    rng.shuffle(pool)
    return found, pool


def reword(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    for _ in range(max(1, len(words) // 6)):
        i = rng.randrange(len(words))
        choice = rng.random()
        if words[i].lower() in REPLACEMENTS:
            words[i] = REPLACEMENTS[words[i].lower()]
        elif choice < 0.4 and len(words) > 3:
            del words[i]
        elif choice < 0.7 and i + 1 < len(words):
            words[i], words[i + 1] = words[i + 1], words[i]
        else:
            words.insert(i, rng.choice(("also", "reportedly", "now", "still", "then")))
    return " ".join(words)


def reword_paragraphs(paragraphs: list[str], rng: random.Random) -> list[str]:
    out = []
    for paragraph in paragraphs:
        sentences = re.split(r"(?<=[.!?])\s+", paragraph)
        out.append(" ".join(reword(s, rng) if rng.random() < 1 / 3 else s for s in sentences))
    return out


def variant(kind: str, title: str, paragraphs: list[str], other: list[str], rng: random.Random) -> tuple[str, list]:
    body = list(paragraphs)
    if kind == "copy":
        return f"UPDATE: {title}", [rng.choice(DATELINES) + body[0], *body[1:]]
    if kind == "cut":
        return title, body[: max(1, (len(body) + 1) // 2)]
    if kind in ("drop", "rewrite"):
        for _ in range(min(rng.choice((1, 2)), len(body) - 1)):
            del body[rng.randrange(1, len(body))]
        body.insert(rng.randrange(1, len(body) + 1), other.pop())  # each inserted paragraph used once
    if kind in ("reword", "rewrite"):
        body = reword_paragraphs(body, rng)
        title = f"{title} - latest"
    if kind == "rewrite":
        tail = body[1:]
        rng.shuffle(tail)
        body = [rng.choice(DATELINES) + body[0], *tail, "Reporting by Jane Doe; Editing by John Smith"]
    return title, body


def corpus(n_originals: int, seed: int) -> pd.DataFrame:
    """article_id, family, published order and the parsed body of every original and variant."""
    rng = random.Random(seed)
    rows = []
    sources, other = originals(n_originals, rng)
    for family, (title, paragraphs) in enumerate(sources):
        texts = [("orig", title, paragraphs)] + [(k, *variant(k, title, paragraphs, other, rng)) for k in VARIANTS]
        for number, (kind, head, body) in enumerate(texts):
            parsed = parse_article(head + "\n\n" + "\n\n".join(body))
            published = family + (0.0 if kind == "orig" else rng.uniform(0.0, 30.0))  # copies follow the original
            rows.append((f"f{family:05d}-{number}-{kind}", family, kind, published, parsed.body))
    frame = pd.DataFrame(rows, columns=["article_id", "family", "kind", "published", "body"])
    return frame.sort_values("published", kind="stable").reset_index(drop=True)  # arrival follows publication


def link(new: pd.DataFrame, stored: StoredIndex) -> tuple[dict[str, str], pd.DataFrame]:
    keys = story_keys(new["article_id"].tolist(), new["body"].tolist())
    order = new["article_id"].tolist()  # in publication order
    linked = assign_stories(order, verify(candidate_pairs(to_arrow("story_keys", keys), stored, [])))
    keys["story_id"] = keys["article_id"].map(linked.story_of).astype(object)
    return linked.story_of, keys


def write_index(keys: pd.DataFrame, folder: Path, name: str) -> None:
    """Both tiers of the story index for these story_keys rows, as the link step writes them."""
    write_fine_part(to_arrow("story_keys", keys), folder / "story_keys" / f"{name}.parquet")
    write_part(to_arrow("story_sample", sample_rows(keys)), folder / "story_sample" / f"{name}.parquet")


def pairs_of(groups: pd.Series) -> set[tuple[str, str]]:
    found = set()
    for members in groups:
        found.update(combinations(sorted(members), 2))
    return found


def quality(frame: pd.DataFrame, workdir: Path) -> None:
    half = len(frame) // 2
    first, second = frame.iloc[:half], frame.iloc[half:]
    story_of, keys = link(first, StoredIndex([], []))
    shutil.rmtree(workdir / "quality", ignore_errors=True)
    write_index(keys, workdir / "quality", "run-1")
    start = time.perf_counter()
    later, _ = link(second, StoredIndex.of(workdir / "quality"))
    seconds = time.perf_counter() - start
    story_of.update(later)
    frame = frame.assign(story_id=frame["article_id"].map(story_of))
    truth = pairs_of(frame.groupby("family")["article_id"].agg(list))
    predicted = pairs_of(frame.groupby("story_id")["article_id"].agg(list))
    hit = len(truth & predicted)
    print(f"articles: {len(frame):,} ({frame['family'].nunique():,} originals x {1 + len(VARIANTS)}), two runs")
    print(
        f"pair precision {hit / max(len(predicted), 1):.4f}  recall {hit / len(truth):.4f}  "
        f"({hit:,} of {len(truth):,} true pairs found, {len(predicted) - hit:,} false)"
    )
    by_kind = frame.merge(frame[frame["kind"] == "orig"][["family", "story_id"]], on="family", suffixes=("", "_orig"))
    joined = (by_kind["story_id"] == by_kind["story_id_orig"]).groupby(by_kind["kind"]).mean()
    print("share of each variant in its original's story: " + ", ".join(f"{k} {v:.3f}" for k, v in joined.items()))
    print(f"second run: {len(second):,} articles linked against {half:,} stored in {seconds:.2f} s")


def stored_index(frame: pd.DataFrame, n_stored: int, folder: Path, seed: int) -> StoredIndex:
    """Both tiers for n_stored articles: the corpus's real keys, then synthetic articles with random keys."""
    marker = folder / ".complete"
    if marker.exists() and marker.read_text() == f"two tiers with lead keys, {n_stored}":
        return StoredIndex.of(folder)
    shutil.rmtree(folder, ignore_errors=True)
    real = story_keys(frame["article_id"].tolist(), frame["body"].tolist())
    real["story_id"] = real["article_id"].astype(object)
    write_index(real, folder, "real")
    counts = real.groupby("article_id", observed=True)["n_keys"].first().to_numpy()
    rng = np.random.default_rng(seed)
    n_articles, part_no = frame["article_id"].nunique(), 0
    while n_articles < n_stored:
        size = min(5000, n_stored - n_articles)
        n_keys = rng.choice(counts, size)
        ids = np.array([f"s{n_articles + i:08d}" for i in range(size)], dtype=object)
        owner = np.repeat(np.arange(size), n_keys)
        keys = pd.DataFrame(
            {
                "article_id": ids[owner],
                "key": rng.integers(0, 2**62 - 1, len(owner), dtype=np.int64) * 2,  # story keys are even
                "n_keys": n_keys[owner].astype(np.int32),
                "body_hash": rng.integers(0, 2**63 - 1, size, dtype=np.int64)[owner],
                "lead": np.arange(len(owner)) - np.repeat(np.cumsum(n_keys) - n_keys, n_keys) < LEAD_KEYS,
                "story_id": ids[owner],
            }
        )
        write_index(keys, folder, f"synthetic-{part_no:05d}")
        n_articles += size
        part_no += 1
    marker.write_text(f"two tiers with lead keys, {n_stored}")
    return StoredIndex.of(folder)


def lookup(frame: pd.DataFrame, n_stored: int, workdir: Path, seed: int) -> None:
    """The link step's lookup for a 5,000-article batch, through the two tiers and through the one-tier
    reference (a scan of every stored key) in the same minutes: the ratio survives a busy machine."""
    stored = stored_index(frame, n_stored, workdir / f"index-{n_stored}", seed)
    batch = frame.sample(n=min(5000, len(frame)), random_state=seed + 1).sort_values("published")
    batch = batch.assign(article_id="new-" + batch["article_id"])
    start = time.perf_counter()
    keys = to_arrow("story_keys", story_keys(batch["article_id"].tolist(), batch["body"].tolist()))
    keyed = time.perf_counter()
    print(
        f"lookup: {len(batch):,} new articles against {n_stored:,} stored ({len(stored.fine)} parts per tier), "
        f"keys {1e6 * (keyed - start) / len(batch):.0f} us/article"
    )
    found = {}
    for name, one_tier in (("two tiers", False), ("one tier (reference)", True), ("two tiers", False)):
        start, cpu = time.perf_counter(), time.process_time()
        linked = assign_stories(batch["article_id"].tolist(), verify(candidate_pairs(keys, stored, [], one_tier)))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        found[name] = set(zip(linked.links["article_id"], linked.links["other_article_id"], strict=True))
        print(f"  {name}: link {seconds:.2f} s wall, {cpu:.2f} s CPU, {len(linked.links):,} links")
    same = len(found["two tiers"] & found["one tier (reference)"])
    print(f"  links of the reference also found by the two tiers: {same:,} of {len(found['one tier (reference)']):,}")


def stage_cost(frame: pd.DataFrame) -> None:
    """CPU time of the batch-side story keys per article, next to the parser's on the same texts (a ratio
    survives a busy machine better than a time)."""
    bodies, ids = frame["body"].tolist(), frame["article_id"].tolist()
    start = time.process_time()
    story_keys(ids, bodies)
    keys = time.process_time() - start
    start = time.process_time()
    for body in bodies:
        parse_article(body)
    parse = time.process_time() - start
    print(
        f"story keys: {1e6 * keys / len(bodies):.0f} us/article CPU; parsing the same texts "
        f"{1e6 * parse / len(bodies):.0f} us/article (keys/parse = {keys / parse:.2f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--originals", type=int, default=1500)
    parser.add_argument("--stored", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    default_workdir = Path(os.environ.get("TMPDIR", "/tmp")) / "wirehouse-syndication"
    parser.add_argument("--workdir", type=Path, default=default_workdir)
    args = parser.parse_args()
    frame = corpus(args.originals, args.seed)
    quality(frame, args.workdir)
    stage_cost(frame)
    if args.stored:
        lookup(frame, args.stored, args.workdir, args.seed)


if __name__ == "__main__":
    main()

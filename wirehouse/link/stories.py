"""Stories: a run's new articles joined to the stories of the articles they copy or rewrite.

Candidates come from the story index (`story_keys`, see shingles.py): a new article's keys are looked up
among the run's other new articles and in the stored index's coarse tier (`story_sample`, index.py), whose
hits are then compared on their fine keys, so the cost follows the run and a quarter of the stored keys.
Each candidate pair is verified by the share of keys the two have in common, an estimate of shingle
containment (the share of the shorter body's 5-grams that are also in the other):

- `duplicate`: the same words in the same order (body_hash equal), whatever the headline or layout;
- `contains`: at least CONTAINS of the shorter body is in the longer one and it is at most
  SHORTER_RATIO of its length (a cut or a digest of the wire copy);
- `near_duplicate`: any other verified pair (rewrites: the seeds share 47 % of 000's keys).

No chaining (roots.py): articles are taken in order (published date, then id; stored articles came
first), and an article joins a story only by matching the story's root, the article that founded it (the
most similar such root; with none it founds its own story, story_id = md5 of its id).
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from wirehouse.link.copies import STORY, KeyRows, first_copies, pairs_among_new, pairs_with_stored, stored_roots
from wirehouse.link.index import StoredIndex, rows_of_articles, rows_sharing_a_key, with_group_ids, worth_reading
from wirehouse.link.roots import Pairs, group_id_of, join_roots
from wirehouse.schema import arrow_schema, read_sql
from wirehouse.scratch import as_frame, scratch_db
from wirehouse.store.parquet import conform

MIN_SHARED = 2  # keys two bodies must share (unless the bodies are the same words)
MIN_CONTAINMENT = 0.3  # share of the shorter body's keys found in the other
CONTAINS = 0.8
SHORTER_RATIO = 0.8
MAX_KEY_ARTICLES = 1000  # a key held by more articles than this is boilerplate: it makes no pair (shared_keys.sql)
MAX_LINKS = 50  # links written per new article, most similar first (a story copied 1,000 times stays linear)


story_id_of = group_id_of  # the story an article founds: md5 of its id, 16 hex digits


@dataclass(frozen=True)
class Linked:
    """What linking decided for a run's new articles."""

    story_of: dict[str, str]  # new article id -> story id
    links: pd.DataFrame  # article_links rows


def candidate_pairs(
    new_keys: KeyRows,
    stored: StoredIndex,
    excluded: list[str],
    one_tier: bool = False,
    order: list[str] | None = None,
) -> pd.DataFrame:
    """Every pair (new article, stored or other new article) that may pass verify(), with the figures to verify it.

    Stored articles are found through the coarse tier (story_sample), then compared on their fine keys
    (story_keys, read for those articles only): see index.py. `one_tier` scans the whole fine tier
    instead (the plain reference, for tests and the benchmark).

    With `order` (the order assign_stories() takes the new articles in), a new article's pairs with the
    copies of another new body are only those with that body's leader, its first copy in the order:
    assign_stories() decides the same stories (copies.py), and a copy links to its body's first copy, not
    to every earlier copy. At 1,000,000 bench files (~43 copies of each body) every copy paired with every
    copy took the link step past 18 GiB.
    """
    con = scratch_db()
    try:
        copies = first_copies(con, new_keys, STORY)  # the join runs on one copy of each body (copies.py)
        thresholds = {
            "min_shared": MIN_SHARED,
            "min_containment": MIN_CONTAINMENT,
            "max_holders": MAX_KEY_ARTICLES,
        }
        frames = [pairs_among_new(con, copies, STORY, "link/story_pairs.sql", thresholds, order)]
        if stored.fine or stored.unsampled:
            rows = _stored_rows(con, stored, excluded, one_tier)
            found = pairs_with_stored(con, copies, STORY, "link/story_pairs.sql", thresholds, rows, _worth_giving)
            frames.append(found)
    finally:
        con.close()
    return pd.concat(frames, ignore_index=True)


def _stored_rows(con, stored: StoredIndex, excluded: list[str], one_tier: bool) -> pa.Table:
    """The stored story_keys rows to pair with the run's first copies (the view `new_keys` in `con`)."""
    scanned = stored.fine + stored.unsampled if one_tier else stored.unsampled
    tables = []
    if scanned:
        rows = rows_sharing_a_key(con, scanned)
        tables.append(rows.filter(pc.invert(pc.is_in(rows["article_id"], value_set=pa.array(excluded, pa.string())))))
    if stored.sample and not one_tier:
        parameters = {"sample": stored.sample, "excluded": excluded, "max_holders": MAX_KEY_ARTICLES}
        hits = worth_reading(as_frame(con.execute(read_sql("link/story_sample_hits.sql"), parameters)), MIN_CONTAINMENT)
        tables.append(rows_of_articles(stored.fine, hits["other_article_id"].unique().tolist()))
    conformed = [conform(table, "story_keys") for table in tables]  # parts of an older warehouse lack `lead`
    rows = pa.concat_tables(conformed) if conformed else arrow_schema("story_keys").empty_table()
    return with_group_ids(rows, stored.articles, "article_id", "story_id")


def verify(pairs: pd.DataFrame) -> pd.DataFrame:
    """The verified pairs with their relation and similarity (see the module's docstring)."""
    smaller = np.minimum(pairs["n_keys"], pairs["other_n_keys"]).clip(lower=1)
    larger = np.maximum(pairs["n_keys"], pairs["other_n_keys"]).clip(lower=1)
    containment = (pairs["shared"] / smaller).clip(upper=1.0)
    same = pairs["same_body"].fillna(False).astype(bool)
    ok = same | ((pairs["shared"] >= MIN_SHARED) & (containment >= MIN_CONTAINMENT))
    inside = (containment >= CONTAINS) & (smaller <= SHORTER_RATIO * larger)
    relation = np.where(same, "duplicate", np.where(inside, "contains", "near_duplicate"))
    verified = pairs.assign(relation=relation, similarity=np.where(same, 1.0, containment.round(4)))
    return verified[ok.to_numpy()]


def _worth_giving(found: pd.DataFrame) -> pd.DataFrame:
    """The pairs of a new body with stored articles that can change what its copies get: those with a
    story's root (only a root takes an article into its story) and its MAX_LINKS best (the links
    assign_stories() can write). tests/test_link_stored_copies.py pins the stories and links to those of every pair."""
    best = _ranked(verify(found)).groupby("article_id", sort=False).head(MAX_LINKS).index
    return found[stored_roots(found, STORY) | found.index.isin(best)]


def _ranked(verified: pd.DataFrame) -> pd.DataFrame:
    """Verified pairs, each new article's best first: the same body, then the most similar, then by id."""
    return verified.sort_values(
        ["article_id", "same_body", "similarity", "other_article_id"], ascending=[True, False, False, True]
    )


def assign_stories(order: list[str], verified: pd.DataFrame) -> Linked:
    """Each new article, in order, joins its most similar verified root's story or founds its own (roots.py)."""
    ranked = _ranked(verified)
    story_of, kept = join_roots(order, ranked, Pairs("article_id", "other_article_id", "other_story_id"))
    columns = ["article_id", "other_article_id", "relation", "similarity"]
    links = kept.groupby("article_id", sort=False).head(MAX_LINKS)[columns].reset_index(drop=True)
    return Linked(story_of, links)

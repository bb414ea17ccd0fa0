"""Quote clusters: one utterance carried by many articles, each carrier matched to the cluster's root quote.

Two quotes match when their normalised texts are the same, or when they share at least one window of
WINDOW consecutive normalised words and the shared windows are at least MIN_SHARED_WINDOWS of the shorter
quote's (a partial quote inside the full one; the full one with a word changed). Normalising: lower case,
punctuation and quote-mark style ignored (shingles.py), a hyphen inside a word dropped ("co-operation" is
"cooperation"), British spellings read as American ones (seeds/spelling_variants.csv). Scare quotes and
quotes of fewer than MIN_WORDS words are not clustered: two articles calling something "historic" did not
carry one utterance.

Keys (table `quote_keys`): every WINDOW-word window hash of a quote and its whole-text hash, looked up by a
run for its new quotes like the story keys. Grouping is by root (roots.py): no chaining.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from wirehouse.link.copies import QUOTE, KeyRows, first_copies, pairs_among_new, pairs_with_stored, stored_roots
from wirehouse.link.index import with_group_ids
from wirehouse.link.roots import Pairs, join_roots
from wirehouse.link.shingles import body_shingles
from wirehouse.reference import reference_rows
from wirehouse.schema import read_sql
from wirehouse.scratch import scratch_db

WINDOW = 8
MIN_WORDS = 5
MIN_SHARED_WINDOWS = 0.3
MAX_KEY_QUOTES = 1000  # a window held by more quotes than this is a stock phrase: it makes no pair (shared_keys.sql)
# A hyphen between two letters. It starts with the hyphen, so `re` jumps from hyphen to hyphen: led by the
# lookbehind, the same pattern was tried at every character (0.059 -> 0.003 s on a batch's 21,000 quotes).
_HYPHEN_IN_WORD = re.compile(r"-(?<=[^\W\d_]-)(?=[^\W\d_])")


@cache
def _spelling() -> tuple[re.Pattern, dict[str, str]]:
    variants = {row["british"]: row["american"] for row in reference_rows("spelling_variants")}
    return re.compile(r"\b(" + _trie(variants) + r")\b"), variants


def _trie(words: Iterable[str]) -> str:
    """An alternation of `words` as a prefix tree ("favour(?:able|ed|s)?"): `re` tries each letter once per
    position instead of each word (0.12 -> 0.06 s for a batch's quotes). The words matching at one place lie
    on one path of the tree and the greedy `?` tries the longest first, as the flat alternation sorted longest
    first did: both take the longest word that ends at a \\b."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return pattern(tree)


def normalise(texts: list[str]) -> list[str]:
    """Quote texts lower-cased, hyphens inside words dropped, British spellings made American."""
    if not texts:
        return []
    pattern, variants = _spelling()
    joined = _HYPHEN_IN_WORD.sub("", "\0".join(texts).lower())
    return pattern.sub(lambda match: variants[match.group(1)], joined).split("\0")


def quote_keys(quotes: pd.DataFrame) -> pd.DataFrame:
    """Rows of `quote_keys` for a batch's quotes (no cluster id: `quotes` holds it, set when linking)."""
    eligible = quotes[quotes["kind"] != "scare"]
    shingles = body_shingles(normalise(eligible["text"].tolist()), WINDOW)
    keep = shingles.n_words >= MIN_WORDS
    counts = np.diff(shingles.starts)
    owner = np.repeat(np.arange(len(eligible)), counts)
    keys = np.concatenate([(shingles.hashes >> np.uint64(1)).astype(np.int64), shingles.body_hash])
    owners = np.concatenate([owner, np.arange(len(eligible))])
    kept = keep[owners]
    owners, keys = owners[kept], keys[kept]
    order = np.lexsort((keys, owners))  # each quote's keys once, in (quote, key) order
    owners, keys = owners[order], keys[order]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = (owners[1:] != owners[:-1]) | (keys[1:] != keys[:-1])
    rows, keys = owners[first], keys[first]
    return pd.DataFrame(
        {
            "article_id": eligible["article_id"].to_numpy()[rows],
            "quote_id": eligible["quote_id"].to_numpy()[rows],
            "key": keys,
            "n_windows": counts[rows].astype(np.int32),
            "text_hash": shingles.body_hash[rows],
            "cluster_id": None,
        }
    )


@dataclass(frozen=True)
class Clustered:
    cluster_of: dict[str, str]  # new quote id -> cluster id


def candidate_pairs(
    new_keys: KeyRows,
    stored_parts: list[str],
    excluded: list[str],
    order: list[str] | None = None,
    quotes_parts: list[str] | None = None,
) -> pd.DataFrame:
    """Every pair (new quote, stored or other new quote) that passes cluster_quotes()'s test, with its figures.

    With `order` (the order cluster_quotes() takes the new quotes in), a new quote's pairs with the copies of
    another new text are only those with that text's leader: cluster_quotes() decides the same (copies.py).
    A stored quote's cluster id comes from `quotes_parts` (the published quotes), where the link step keeps it."""
    con = scratch_db()
    try:
        copies = first_copies(con, new_keys, QUOTE)  # the join runs on one copy of each text (copies.py)
        threshold = {"min_shared_windows": MIN_SHARED_WINDOWS, "max_holders": MAX_KEY_QUOTES}
        frames = [pairs_among_new(con, copies, QUOTE, "link/quote_pairs.sql", threshold, order)]
        if stored_parts:  # the stored rows sharing a key with the run's first copies (new_keys)
            parameters = {"stored": stored_parts, "excluded": excluded}
            stored = con.execute(read_sql("link/stored_quote_keys.sql"), parameters).fetch_arrow_table()
            stored = with_group_ids(stored, quotes_parts or [], "quote_id", "cluster_id")
            found = pairs_with_stored(con, copies, QUOTE, "link/quote_pairs.sql", threshold, stored, _worth_giving)
            frames.append(found)
    finally:
        con.close()
    return pd.concat(frames, ignore_index=True)


def _worth_giving(found: pd.DataFrame) -> pd.DataFrame:
    """The pairs of a new text with stored quotes that can change its copies' clusters: those with a
    cluster's root (only a root takes a quote into its cluster; clusters write no links)."""
    return found[stored_roots(found, QUOTE)]


def cluster_quotes(order: list[str], pairs: pd.DataFrame) -> Clustered:
    """Each new quote (in order) joins the cluster of the root it matches best, or founds its own."""
    same = pairs["same_text"].fillna(False).astype(bool)
    windows = pairs["shared"] - same.astype(int)
    smaller = np.minimum(pairs["n_windows"], pairs["other_n_windows"])
    ok = same | ((smaller > 0) & (windows >= 1) & (windows >= MIN_SHARED_WINDOWS * smaller))
    ranked = pairs[ok.to_numpy()].assign(score=(windows / smaller.clip(lower=1)) + same)
    ranked = ranked.sort_values(["quote_id", "score", "other_quote_id"], ascending=[True, False, True])
    cluster_of, _ = join_roots(order, ranked, Pairs("quote_id", "other_quote_id", "other_cluster_id"))
    return Clustered(cluster_of)

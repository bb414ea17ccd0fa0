"""Story keys of article bodies: the per-batch, pure half of story linking.

Shingles are word 5-grams of the cleaned body. `articles.body` holds body paragraphs only (title, dateline,
agency line, captions, promos and credits are already cut by the parser), so boilerplate such as
"MOSCOW (Reuters) -" or "Reporting by ..." cannot make two unrelated articles similar. Words are runs of
letters and digits (any non-ASCII letter counts), ASCII lower-cased; apostrophes, quote marks, dashes and
hyphens separate words, so "Russia's" and "Russia’s" give the same shingles.

Hashing is vectorised over the batch, in chunks of about TEXT_CHUNK_BYTES (settings): the bodies become one
byte stream with a single separator between words, and a polynomial prefix hash over it gives every 5-gram's
hash in O(1) (linear in the batch, no per-word Python work; the tables of powers are as long as a chunk, kept
per process).

Keys (the index): a content-defined sample of the shingles, every shingle whose hash is 0 modulo SAMPLE,
plus the article's smallest shingle hash (so that short articles have a key). The first LEAD_KEYS keys in
body order are marked `lead`: the coarse tier of the index always holds them (index.py), because a wire
cut keeps the lead and drops the end. This is MinHash's
"mod-m" sketch (Broder 1997): two copies keep the same shingles and so the same keys, and the share of
keys two articles have in common estimates the share of shingles they have in common, for containment as
well as for Jaccard similarity. It is what lets rewrites through: the two seeds share only 20 % of their
5-grams (Jaccard 0.20) but 44 % of 000's are in 001, and a banded 128-value MinHash would have to let
unrelated pairs through to catch them (see README, "Stories").
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from wirehouse import settings

SHINGLE_WORDS = 5
SAMPLE = 4  # keep shingles whose hash is 0 modulo SAMPLE: ~1 key per 4 words of body
LEAD_KEYS = 4  # an article's first keys in body order (its first ~16 words) are marked `lead`
_P = np.uint64(0x100000001B3)  # odd, so it has an inverse modulo 2**64
_P_INV = np.uint64(pow(int(_P), -1, 2**64))
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SEPARATOR = 0x20
_SPLIT = 0  # between two bodies in the stream
_powers: list[np.ndarray] = [np.ones(1, np.uint64), np.ones(1, np.uint64)]  # P**i and P**-i, i < length


@dataclass(frozen=True)
class BodyShingles:
    """Every text's k-gram hashes, flat, with each text's [start, end) and its whole-text hash."""

    hashes: np.ndarray  # uint64
    starts: np.ndarray  # int64, len n + 1
    body_hash: np.ndarray  # int64: equal for texts with the same words in the same order
    n_words: np.ndarray  # int64


def _power_tables(n: int) -> tuple[np.ndarray, np.ndarray]:
    """P**i and P**-i (mod 2**64) for i < n: computed once per process, grown when a chunk needs more."""
    if len(_powers[0]) < n:
        size = max(n, 2 * len(_powers[0]))
        for slot, base in ((0, _P), (1, _P_INV)):
            table = np.full(size, base, dtype=np.uint64)
            table[0] = 1
            _powers[slot] = np.cumprod(table, dtype=np.uint64)
    return _powers[0], _powers[1]


def _mix(values: np.ndarray) -> np.ndarray:
    values = values * _MIX
    return values ^ (values >> np.uint64(29))


def _word_stream(texts: list[str]) -> np.ndarray:
    """The texts as bytes, ASCII lower-cased, one separator after each word, a 0 byte after each text."""
    raw = np.frombuffer(("\0".join(texts) + "\0").encode("utf-8"), dtype=np.uint8)
    raw = np.where((raw >= 0x41) & (raw <= 0x5A), raw + np.uint8(0x20), raw)  # other scripts kept as written
    alnum = ((raw >= 0x30) & (raw <= 0x39)) | ((raw >= 0x61) & (raw <= 0x7A)) | (raw >= 0x80)
    # U+2000-U+203F (curly quotes and apostrophes, dashes, ellipsis: E2 80 xx) and U+00A0-U+00BF (no-break
    # space, guillemets: C2 xx) separate words like ASCII punctuation.
    lead = np.flatnonzero((raw[:-2] == 0xE2) & (raw[1:-1] == 0x80))
    alnum[lead], alnum[lead + 1], alnum[lead + 2] = False, False, False
    lead = np.flatnonzero((raw[:-1] == 0xC2) & (raw[1:] >= 0xA0) & (raw[1:] <= 0xBF))
    alnum[lead], alnum[lead + 1] = False, False
    split = raw == _SPLIT
    keep = alnum | split | np.concatenate([[False], alnum[:-1]])  # letters, text ends, one separator per word
    return np.where(alnum | split, raw, np.uint8(_SEPARATOR))[keep]


def _chunk_shingles(texts: list[str], k: int) -> BodyShingles:
    n = len(texts)
    stream = _word_stream(texts)
    word = (stream != _SEPARATOR) & (stream != _SPLIT)
    word_starts = np.flatnonzero(word & ~np.concatenate([[False], word[:-1]]))
    word_ends = np.flatnonzero(word & ~np.concatenate([word[1:], [False]])) + 1
    ends = np.flatnonzero(stream == _SPLIT)  # one per text, in order
    counts = np.diff(np.searchsorted(word_starts, ends), prepend=0)  # words per text (each before its end)
    article = np.repeat(np.arange(n), counts)  # each word's text: a search per text, not per word

    powers, inverse = _power_tables(len(stream) + 1)
    prefix = np.zeros(len(stream) + 1, dtype=np.uint64)
    np.cumsum(stream * powers[1 : len(stream) + 1], dtype=np.uint64, out=prefix[1:])

    def span_hash(start: np.ndarray, end: np.ndarray) -> np.ndarray:
        return _mix((prefix[end] - prefix[start]) * inverse[start + 1])

    first = np.arange(max(len(word_starts) - k + 1, 0))
    first = first[article[first] == article[first + k - 1]] if len(first) else first
    hashes = span_hash(word_starts[first], word_ends[first + k - 1])
    starts = np.concatenate([[0], np.cumsum(np.maximum(counts - k + 1, 0))]).astype(np.int64)
    # The whole text: from its first word to the end of its last (layout and punctuation around them aside).
    has_words = counts > 0
    text_first = np.zeros(n, dtype=np.int64)
    text_last = np.zeros(n, dtype=np.int64)
    if len(word_starts):
        text_first[has_words] = word_starts[np.searchsorted(article, np.flatnonzero(has_words))]
        text_last[has_words] = word_ends[np.searchsorted(article, np.flatnonzero(has_words), side="right") - 1]
    body_hash = (span_hash(text_first, text_last) >> np.uint64(1)).astype(np.int64)
    return BodyShingles(hashes, starts, body_hash, counts)


def body_shingles(bodies: list[str], k: int = SHINGLE_WORDS) -> BodyShingles:
    """k-word shingle hashes of each text (fewer than k words: none); quote clusters use k = 8."""
    if not bodies:
        nothing = np.zeros(0, dtype=np.int64)
        return BodyShingles(np.zeros(0, dtype=np.uint64), np.zeros(1, dtype=np.int64), nothing, nothing)
    chunks, size, first = [], 0, 0
    for number, body in enumerate(bodies):
        size += len(body) + 1
        if size >= settings.TEXT_CHUNK_BYTES:
            chunks.append(_chunk_shingles(bodies[first : number + 1], k))
            size, first = 0, number + 1
    if first < len(bodies) or not chunks:
        chunks.append(_chunk_shingles(bodies[first:], k))
    if len(chunks) == 1:
        return chunks[0]
    offsets = np.cumsum([0] + [len(c.hashes) for c in chunks[:-1]])
    return BodyShingles(
        np.concatenate([c.hashes for c in chunks]),
        np.concatenate([[0]] + [c.starts[1:] + o for c, o in zip(chunks, offsets, strict=True)]),
        np.concatenate([c.body_hash for c in chunks]),
        np.concatenate([c.n_words for c in chunks]),
    )


def story_keys(article_ids: list[str], bodies: list[str]) -> pd.DataFrame:
    """One row per (article, key): the rows of `story_keys` for a batch (story_id is set when linking)."""
    shingles = body_shingles(bodies)
    n = len(article_ids)
    counts = np.diff(shingles.starts)
    keys = (shingles.hashes >> np.uint64(1)).astype(np.int64)
    sampled = (shingles.hashes % np.uint64(SAMPLE)) == 0
    has_any = counts > 0
    smallest = np.full(n, -1, dtype=np.int64)
    if len(keys):
        smallest[has_any] = np.minimum.reduceat(keys, shingles.starts[:-1][has_any])
    sampled_owner = np.repeat(np.arange(n), counts)[sampled]  # ascending: body order within each article
    rank = np.arange(len(sampled_owner)) - np.searchsorted(sampled_owner, sampled_owner)
    owner = np.concatenate([sampled_owner, np.flatnonzero(has_any)])
    key = np.concatenate([keys[sampled], smallest[has_any]])
    lead = np.concatenate([rank < LEAD_KEYS, np.zeros(int(has_any.sum()), dtype=bool)])
    order = np.lexsort((~lead, key, owner))
    owner, key, lead = owner[order], key[order], lead[order]
    first = np.ones(len(key), dtype=bool)  # an article's key once (lead if any of its shingles is)
    first[1:] = (owner[1:] != owner[:-1]) | (key[1:] != key[:-1])
    owner, key, lead = owner[first], key[first], lead[first]
    n_keys = np.bincount(owner, minlength=n).astype(np.int32)
    ids = pd.Categorical.from_codes(owner, categories=pd.Index(article_ids, dtype=object)) if n else []
    return pd.DataFrame(
        {
            "article_id": ids,
            "key": key,
            "n_keys": n_keys[owner],
            "body_hash": shingles.body_hash[owner],
            "lead": lead,
            "story_id": None,
        }
    )
